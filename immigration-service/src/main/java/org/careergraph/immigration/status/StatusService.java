package org.careergraph.immigration.status;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.careergraph.events.ImmigrationStatusChanged;
import org.careergraph.immigration.occupation.KnownOccupation;
import org.careergraph.immigration.occupation.KnownOccupationRepository;
import org.careergraph.immigration.policy.Country;
import org.careergraph.immigration.policy.PolicyRule;
import org.careergraph.immigration.policy.PolicyRuleRepository;
import org.careergraph.immigration.policy.PolicyUpdate;
import org.careergraph.immigration.policy.PolicyUpdateRepository;
import org.careergraph.immigration.policy.RuleKind;
import org.careergraph.immigration.policy.RuleSets;
import org.careergraph.platform.outbox.Outbox;

/**
 * Occupations' immigration statuses. A recomputation reads the rules in force, stores the result as the current
 * status, and publishes {@code immigration status changed} only when the tier really changed.
 */
@Singleton
public class StatusService {

    private final RuleSets ruleSets;
    private final PolicyRuleRepository rules;
    private final PolicyUpdateRepository updates;
    private final OccupationStatusRepository statuses;
    private final KnownOccupationRepository occupations;
    private final Outbox outbox;
    private final Clock clock;

    StatusService(RuleSets ruleSets, PolicyRuleRepository rules, PolicyUpdateRepository updates,
                  OccupationStatusRepository statuses, KnownOccupationRepository occupations, Outbox outbox,
                  Clock clock) {
        this.ruleSets = ruleSets;
        this.rules = rules;
        this.updates = updates;
        this.statuses = statuses;
        this.occupations = occupations;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** In every country with rules. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void recompute(KnownOccupation occupation, StatusCause cause) {
        for (Country country : Country.values()) {
            recompute(occupation, country, cause);
        }
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void recompute(KnownOccupation occupation, Country country, StatusCause cause) {
        ruleSets.lock(country);
        LocalDate today = country.today(clock);
        GreenListStatus after = GreenListTimeline.statusOn(today, entries(rules.findInForceForUpdate(country.name(),
                RuleKind.GREEN_LIST_TIER.name(), occupation.codeSystem(), occupation.code())));
        Optional<OccupationStatus> stored =
                statuses.findByOccupationIdAndCountryForUpdate(occupation.id(), country.name());
        GreenListStatus before = stored.map(OccupationStatus::greenList).orElse(GreenListStatus.NONE);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        if (stored.isEmpty()) {
            statuses.save(new OccupationStatus(null, occupation.id(), country.name(), after.tier(), after.since(),
                    after.policyUpdateId(), now));
        } else if (!before.equals(after)) {
            // A rule confirming the tier from another date moves only "since": stored, but no change to tell.
            statuses.update(stored.get().with(after, now));
        }
        if (Objects.equals(before.tier(), after.tier())) {
            return;
        }
        // A catalog change has no update of its own: the one that set the new standing stands for it.
        String policyUpdateId = cause.policyUpdateId() != null ? cause.policyUpdateId() : after.policyUpdateId();
        String source = cause.policyUpdateId() != null ? cause.source() : sourceOf(after.policyUpdateId());
        String reason = StatusTexts.reason(before.tier(), after.tier())
                + (cause.context() == null ? "" : " (" + cause.context() + ")");
        outbox.add(new ImmigrationStatusChanged(occupation.id(), country.name(),
                after.since() != null ? after.since() : today, before.toEvent(), after.toEvent(), policyUpdateId,
                source, reason));
    }

    /**
     * The status on a date, by the rules in force and, for a date to come, the rules announced for it; empty for an
     * unknown occupation.
     */
    public Optional<StatusView> statusOn(String occupationId, Country country, @Nullable LocalDate at) {
        Optional<KnownOccupation> occupation = occupations.findById(occupationId);
        if (occupation.isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = country.today(clock);
        LocalDate date = at == null ? today : at;
        GreenListStatus status = GreenListTimeline.statusOn(date, entries(rules.findInForceOrAnnounced(
                country.name(), RuleKind.GREEN_LIST_TIER.name(), occupation.get().codeSystem(),
                occupation.get().code(), today)));
        Optional<PolicyUpdate> update = status.policyUpdateId() == null ? Optional.empty()
                : updates.findById(status.policyUpdateId());
        boolean announced = update.isPresent() && update.get().appliedAt() == null;
        return Optional.of(new StatusView(occupationId, country.name(), date, status.tier(), status.since(),
                status.policyUpdateId(), update.map(PolicyUpdate::source).orElse(null), announced,
                StatusTexts.explain(status, announced)));
    }

    /** A locking read, like the rules': the update may have committed after this transaction's snapshot. */
    private @Nullable String sourceOf(@Nullable String policyUpdateId) {
        return policyUpdateId == null ? null
                : updates.findByIdForUpdate(policyUpdateId).map(PolicyUpdate::source).orElse(null);
    }

    private static List<GreenListEntry> entries(List<PolicyRule> greenListRules) {
        return greenListRules.stream().map(r -> new GreenListEntry(r.effectiveFrom(), r.recordedAt(), r.id(),
                r.value() == null ? null : Integer.valueOf(r.value()), r.policyUpdateId())).toList();
    }
}

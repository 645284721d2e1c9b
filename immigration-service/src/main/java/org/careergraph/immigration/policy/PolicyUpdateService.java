package org.careergraph.immigration.policy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.careergraph.events.PolicyUpdated;
import org.careergraph.events.RuleChange;
import org.careergraph.immigration.occupation.KnownOccupationRepository;
import org.careergraph.immigration.rules.Country;
import org.careergraph.platform.outbox.Outbox;
import org.careergraph.platform.web.Problem.FieldError;
import org.careergraph.platform.web.ProblemException;

/**
 * Records policy updates: the update, its rules and {@code policy updated} commit together, and an update whose date
 * has come is applied in the same transaction. Updates announced for a later date wait for {@link DueUpdates}, or are
 * withdrawn before it.
 */
@Singleton
public class PolicyUpdateService {

    private final PolicyUpdateRepository updates;
    private final PolicyRuleRepository rules;
    private final KnownOccupationRepository occupations;
    private final RuleSets ruleSets;
    private final PolicyApplier applier;
    private final Outbox outbox;
    private final Clock clock;

    PolicyUpdateService(PolicyUpdateRepository updates, PolicyRuleRepository rules,
                        KnownOccupationRepository occupations, RuleSets ruleSets, PolicyApplier applier,
                        Outbox outbox, Clock clock) {
        this.updates = updates;
        this.rules = rules;
        this.occupations = occupations;
        this.ruleSets = ruleSets;
        this.applier = applier;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public PolicyUpdateView record(PolicyUpdateRequest request, String recordedBy) {
        Country country = Country.parse(request.country()).orElseThrow(() -> ProblemException.invalidField("country",
                "must be one of " + List.of(Country.values())));
        // First, so that every read below sees what earlier updates of the country committed.
        ruleSets.lock(country);
        LocalDate today = country.today(clock);
        List<FieldError> problems = PolicyUpdateValidation.problems(request, country, today,
                (system, code) -> occupations.existsByCodeSystemAndCode(system.name(), code));
        if (!problems.isEmpty()) {
            throw ProblemException.invalidFields(problems);
        }
        LocalDate effectiveFrom = request.effectiveFrom() == null ? today : request.effectiveFrom();
        Stored stored = store(UUID.randomUUID().toString(), country, effectiveFrom, request.source().trim(),
                blankToNull(request.note()), PolicyUpdateValidation.normalized(request.changes()), recordedBy);
        outbox.add(new PolicyUpdated(stored.update.id(), country.name(), effectiveFrom, stored.update.source(),
                stored.update.note(), stored.changes(), recordedBy, stored.update.recordedAt()));
        PolicyUpdate update = effectiveFrom.isAfter(today) ? stored.update
                : applier.apply(country, List.of(stored.update)).get(0);
        return PolicyUpdateView.of(update, stored.rules);
    }

    /**
     * Withdraws an update announced for a later date: it stays in the audit trail, marked, and never takes effect.
     * {@code policy updated} is published again, marked withdrawn, so that those told of it hear it is off.
     */
    @Transactional
    public PolicyUpdateView withdraw(String id, @Nullable String reason, String withdrawnBy) {
        PolicyUpdate found = updates.findById(id)
                .orElseThrow(() -> ProblemException.notFound("No policy update " + id + "."));
        Country country = Country.valueOf(found.country());
        ruleSets.lock(country);
        PolicyUpdate update = updates.findByIdForUpdate(id).orElseThrow();
        if (update.withdrawnAt() != null) {
            throw ProblemException.conflict("Policy update " + id + " was withdrawn at " + update.withdrawnAt() + ".");
        }
        if (update.appliedAt() != null) {
            throw ProblemException.conflict("Policy update " + id + " took effect on " + update.effectiveFrom()
                    + "; record a new update to change its rules.");
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        PolicyUpdate withdrawn = updates.update(update.withdrawn(now, withdrawnBy, blankToNull(reason)));
        List<PolicyRule> its = rules.findByPolicyUpdateIdOrderByChangeIndex(id);
        outbox.add(new PolicyUpdated(id, withdrawn.country(), withdrawn.effectiveFrom(), withdrawn.source(),
                withdrawn.note(), its.stream().map(PolicyRule::toChange).toList(), withdrawn.recordedBy(),
                withdrawn.recordedAt(), now, withdrawnBy));
        return PolicyUpdateView.of(withdrawn, its);
    }

    /**
     * Records the updates of the initial rule set that are not stored yet (by id), without announcing them: they
     * are the baseline, not news. Those whose date has come are applied together. Returns how many were new.
     */
    @Transactional
    public int recordInitial(Country country, List<InitialRuleSet.Update> initial) {
        ruleSets.lock(country);
        List<PolicyUpdate> due = new ArrayList<>();
        int recorded = 0;
        for (InitialRuleSet.Update update : initial) {
            if (updates.existsById(update.storedId())) {
                continue;
            }
            Stored stored = store(update.storedId(), country, update.effectiveFrom(), update.source(), update.note(),
                    PolicyUpdateValidation.normalized(update.changes()), PolicyUpdate.INITIAL_RULE_SET);
            recorded++;
            if (!update.effectiveFrom().isAfter(country.today(clock))) {
                due.add(stored.update);
            }
        }
        if (!due.isEmpty()) {
            applier.apply(country, due);
        }
        return recorded;
    }

    public Optional<PolicyUpdateView> find(String id) {
        return updates.findById(id).map(u -> PolicyUpdateView.of(u, rules.findByPolicyUpdateIdOrderByChangeIndex(id)));
    }

    /** The audit trail, a page at a time, in the pageable's order; of one country or all. */
    public Page<PolicyUpdateView> page(@Nullable Country country, Pageable pageable) {
        Page<PolicyUpdate> page = country == null ? updates.findAll(pageable)
                : updates.findByCountry(country.name(), pageable);
        List<String> ids = page.getContent().stream().map(PolicyUpdate::id).toList();
        Map<String, List<PolicyRule>> rulesByUpdate = ids.isEmpty() ? Map.of()
                : rules.findByPolicyUpdateIdIn(ids).stream()
                        .sorted(Comparator.comparingInt(PolicyRule::changeIndex))
                        .collect(Collectors.groupingBy(PolicyRule::policyUpdateId));
        return page.map(u -> PolicyUpdateView.of(u, rulesByUpdate.getOrDefault(u.id(), List.of())));
    }

    private Stored store(String id, Country country, LocalDate effectiveFrom, String source, @Nullable String note,
                         List<RuleChange> changes, String recordedBy) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        PolicyUpdate update = updates.save(new PolicyUpdate(id, country.name(), effectiveFrom, source, note,
                recordedBy, now, null, null, null, null));
        List<PolicyRule> stored = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            RuleChange change = changes.get(i);
            stored.add(rules.save(new PolicyRule(null, id, i, country.name(), change.kind(), change.codeSystem(),
                    change.code(), change.key(), change.value(), effectiveFrom, change.effectiveTo(), now)));
        }
        return new Stored(update, stored, changes);
    }

    private record Stored(PolicyUpdate update, List<PolicyRule> rules, List<RuleChange> changes) {
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}

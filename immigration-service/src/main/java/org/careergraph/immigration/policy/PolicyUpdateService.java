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
import org.careergraph.platform.outbox.Outbox;
import org.careergraph.platform.web.Problem.FieldError;
import org.careergraph.platform.web.ProblemException;

/**
 * Records policy updates: the update, its rules and {@code policy updated} commit together, and an update whose date
 * has come is applied in the same transaction. Updates announced for a later date wait for {@link DueUpdates}.
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
                "must be one of " + List.of(Country.values()) + " (the countries with rules so far)"));
        // First, so that every read below sees what earlier updates of the country committed.
        ruleSets.lock(country);
        LocalDate today = country.today(clock);
        List<FieldError> problems = PolicyUpdateValidation.problems(request, country, today,
                (system, code) -> occupations.existsByCodeSystemAndCode(system.name(), code));
        if (!problems.isEmpty()) {
            throw ProblemException.invalidFields(problems);
        }
        LocalDate effectiveFrom = request.effectiveFrom() == null ? today : request.effectiveFrom();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        PolicyUpdate update = updates.save(new PolicyUpdate(UUID.randomUUID().toString(), country.name(),
                effectiveFrom, request.source().trim(), blankToNull(request.note()), recordedBy, now, null));
        List<RuleChange> changes = PolicyUpdateValidation.normalized(request.changes());
        List<PolicyRule> stored = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            RuleChange change = changes.get(i);
            stored.add(rules.save(new PolicyRule(null, update.id(), i, country.name(), change.kind(),
                    change.codeSystem(), change.code(), change.value(), effectiveFrom, now)));
        }
        outbox.add(new PolicyUpdated(update.id(), update.country(), effectiveFrom, update.source(), update.note(),
                changes, recordedBy, now));
        if (!effectiveFrom.isAfter(today)) {
            update = applier.apply(update);
        }
        return PolicyUpdateView.of(update, stored);
    }

    public Optional<PolicyUpdateView> find(String id) {
        return updates.findById(id).map(u -> PolicyUpdateView.of(u, rules.findByPolicyUpdateIdOrderByChangeIndex(id)));
    }

    /** The audit trail, a page at a time, in the pageable's order. */
    public Page<PolicyUpdateView> page(Pageable pageable) {
        Page<PolicyUpdate> page = updates.findAll(pageable);
        List<String> ids = page.getContent().stream().map(PolicyUpdate::id).toList();
        Map<String, List<PolicyRule>> rulesByUpdate = ids.isEmpty() ? Map.of()
                : rules.findByPolicyUpdateIdIn(ids).stream()
                        .sorted(Comparator.comparingInt(PolicyRule::changeIndex))
                        .collect(Collectors.groupingBy(PolicyRule::policyUpdateId));
        return page.map(u -> PolicyUpdateView.of(u, rulesByUpdate.getOrDefault(u.id(), List.of())));
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}

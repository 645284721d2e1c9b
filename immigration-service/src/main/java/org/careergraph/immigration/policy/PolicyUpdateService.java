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
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.careergraph.events.PolicyUpdated;
import org.careergraph.events.RuleChange;
import org.careergraph.immigration.occupation.KnownOccupation;
import org.careergraph.immigration.occupation.KnownOccupationRepository;
import org.careergraph.immigration.rules.Country;
import org.careergraph.immigration.rules.LockedRuleSet;
import org.careergraph.immigration.rules.PolicyRule;
import org.careergraph.immigration.rules.PolicyRuleRepository;
import org.careergraph.immigration.rules.PolicyUpdate;
import org.careergraph.immigration.rules.PolicyUpdateRepository;
import org.careergraph.immigration.rules.Rule;
import org.careergraph.immigration.rules.RuleBook;
import org.careergraph.immigration.rules.RuleBooks;
import org.careergraph.immigration.rules.RuleSets;
import org.careergraph.immigration.status.StatusService;
import org.careergraph.platform.outbox.Outbox;
import org.careergraph.platform.web.Problem.FieldError;
import org.careergraph.platform.web.ProblemException;

/**
 * Records policy updates: the update, its rules and {@code policy updated} commit together, and an update whose date
 * has come is applied in the same transaction. Updates announced for a later date wait for {@link DueUpdates}, or are
 * withdrawn before it. A preview checks and drafts an update the same way and stops before storing it.
 */
@Singleton
public class PolicyUpdateService {

    private final PolicyUpdateRepository updates;
    private final PolicyRuleRepository rules;
    private final KnownOccupationRepository occupations;
    private final RuleSets ruleSets;
    private final PolicyApplier applier;
    private final RuleBooks books;
    private final StatusService statuses;
    private final Outbox outbox;
    private final Clock clock;

    PolicyUpdateService(PolicyUpdateRepository updates, PolicyRuleRepository rules,
                        KnownOccupationRepository occupations, RuleSets ruleSets, PolicyApplier applier,
                        RuleBooks books, StatusService statuses, Outbox outbox, Clock clock) {
        this.updates = updates;
        this.rules = rules;
        this.occupations = occupations;
        this.ruleSets = ruleSets;
        this.applier = applier;
        this.books = books;
        this.statuses = statuses;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public PolicyUpdateView record(PolicyUpdateRequest request, String recordedBy) {
        Country country = countryOf(request);
        // First, so that every read below sees what earlier updates of the country committed; once, passed down.
        LockedRuleSet locked = ruleSets.lock(country);
        LocalDate today = country.today(clock);
        Draft stored = store(checked(request, country, today, recordedBy));
        LocalDate effectiveFrom = stored.update.effectiveFrom();
        outbox.add(new PolicyUpdated(stored.update.id(), country.name(), effectiveFrom, stored.update.source(),
                stored.update.note(), stored.changes(), recordedBy, stored.update.recordedAt()));
        PolicyUpdate update = effectiveFrom.isAfter(today) ? stored.update
                : applier.apply(locked, List.of(stored.due())).get(0);
        return PolicyUpdateView.of(update, stored.rules);
    }

    /**
     * What recording the update would change, checked as {@link #record} checks it, storing and publishing nothing:
     * the statuses on its date by the rules recorded (announced ones included, as the status of a later date reads
     * them) and by the same rules plus the update read in memory, through the calculation applying uses. Read-only
     * and without the rule-set lock: a snapshot is enough for an answer nobody acts on in this transaction.
     */
    @Transactional(readOnly = true)
    public PolicyPreview preview(PolicyUpdateRequest request, String previewedBy) {
        Country country = countryOf(request);
        LocalDate today = country.today(clock);
        Draft draft = checked(request, country, today, previewedBy);
        LocalDate on = draft.update.effectiveFrom();
        RuleBook without = books.withAnnounced(country);
        List<Rule> drafted = draft.rules.stream().map(r -> r.read(draft.update)).toList();
        RuleBook with = without.plus(drafted);
        // A setting (a median wage...) touches every occupation of the country; a rule about a code, those with it.
        Predicate<KnownOccupation> touched = drafted.stream().anyMatch(r -> r.code() == null) ? o -> true
                : o -> drafted.stream().anyMatch(r -> r.isAbout(o));
        StatusService.StatusComparison compared = statuses.compare(without, with, on, touched);
        return new PolicyPreview(country.name(), on, on.isAfter(today), compared.changed(), compared.unchanged());
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
        LockedRuleSet locked = ruleSets.lock(country);
        List<PolicyApplier.Due> due = new ArrayList<>();
        int recorded = 0;
        for (InitialRuleSet.Update update : initial) {
            if (updates.existsById(update.storedId())) {
                continue;
            }
            Draft stored = store(draft(update.storedId(), country, update.effectiveFrom(), update.source(),
                    update.note(), PolicyUpdateValidation.normalized(update.changes()), PolicyUpdate.INITIAL_RULE_SET));
            recorded++;
            if (!update.effectiveFrom().isAfter(country.today(clock))) {
                due.add(stored.due());
            }
        }
        if (!due.isEmpty()) {
            applier.apply(locked, due);
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

    private static Country countryOf(PolicyUpdateRequest request) {
        return Country.parse(request.country()).orElseThrow(() -> ProblemException.invalidField("country",
                "must be one of " + List.of(Country.values())));
    }

    /** The update an admin asked for, drafted; or every problem with it, field by field (422). */
    private Draft checked(PolicyUpdateRequest request, Country country, LocalDate today, String recordedBy) {
        List<FieldError> problems = PolicyUpdateValidation.problems(request, country, today,
                (system, code) -> occupations.existsByCodeSystemAndCode(system.name(), code));
        if (!problems.isEmpty()) {
            throw ProblemException.invalidFields(problems);
        }
        return draft(UUID.randomUUID().toString(), country,
                request.effectiveFrom() == null ? today : request.effectiveFrom(), request.source().trim(),
                blankToNull(request.note()), PolicyUpdateValidation.normalized(request.changes()), recordedBy);
    }

    /** The update and its rules as they are stored, not stored yet: recording saves them, a preview only reads them. */
    private Draft draft(String id, Country country, LocalDate effectiveFrom, String source, @Nullable String note,
                        List<RuleChange> changes, String recordedBy) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        PolicyUpdate update = new PolicyUpdate(id, country.name(), effectiveFrom, source, note, recordedBy, now, null,
                null, null, null);
        List<PolicyRule> drafted = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            RuleChange change = changes.get(i);
            drafted.add(new PolicyRule(null, id, i, country.name(), change.kind(), change.codeSystem(), change.code(),
                    change.key(), change.value(), effectiveFrom, change.effectiveTo(), now));
        }
        return new Draft(update, drafted, changes);
    }

    private Draft store(Draft draft) {
        return new Draft(updates.save(draft.update), draft.rules.stream().map(rules::save).toList(), draft.changes);
    }

    private record Draft(PolicyUpdate update, List<PolicyRule> rules, List<RuleChange> changes) {

        /** The stored update and rules, to apply as they are, without reading them back. */
        PolicyApplier.Due due() {
            return new PolicyApplier.Due(update, rules);
        }
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}

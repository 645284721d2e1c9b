package org.careergraph.immigration.policy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.careergraph.immigration.occupation.KnownOccupation;
import org.careergraph.immigration.rules.Country;
import org.careergraph.immigration.status.StatusCause;
import org.careergraph.immigration.status.StatusService;

/**
 * Puts policy updates in force and keeps statuses true as days pass. Applying an update, or reaching a day on which a
 * rule starts or ends, recomputes every occupation of the country against the whole rule book (a median wage change
 * moves every occupation; a Green List change one), and only real changes are published.
 */
@Singleton
public class PolicyApplier {

    private final PolicyUpdateRepository updates;
    private final PolicyRuleRepository rules;
    private final RuleSets ruleSets;
    private final StatusService statuses;
    private final Clock clock;

    PolicyApplier(PolicyUpdateRepository updates, PolicyRuleRepository rules, RuleSets ruleSets,
                  StatusService statuses, Clock clock) {
        this.updates = updates;
        this.rules = rules;
        this.ruleSets = ruleSets;
        this.statuses = statuses;
        this.clock = clock;
    }

    /** Puts updates whose date has come in force now (their rules already stored in this transaction). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public List<PolicyUpdate> apply(Country country, List<PolicyUpdate> due) {
        return applyAll(country, due, ruleSets.lock(country));
    }

    /**
     * Brings the country up to today: applies every update whose date has come and, on a new day, recomputes the
     * statuses (a rule may have ended). Updates that take effect together are applied together, so an occupation two
     * of them name never passes through a status that was not in force. Returns how many updates it applied.
     */
    @Transactional
    public int catchUp(Country country) {
        LocalDate evaluatedOn = ruleSets.lock(country);
        LocalDate today = country.today(clock);
        List<PolicyUpdate> due = updates.findDue(country.name(), today);
        // Nothing new today; or a clock set back (another replica ran ahead): statuses stay as they are.
        if (due.isEmpty() && evaluatedOn != null && !today.isAfter(evaluatedOn)) {
            return 0;
        }
        return applyAll(country, due, evaluatedOn).size();
    }

    private List<PolicyUpdate> applyAll(Country country, List<PolicyUpdate> due, @Nullable LocalDate evaluatedOn) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        LocalDate today = country.today(clock);
        List<PolicyUpdate> applied = due.stream().map(u -> updates.update(u.applied(now))).toList();
        Map<String, PolicyUpdate> byId = applied.stream().collect(Collectors.toMap(PolicyUpdate::id,
                Function.identity()));
        // In the order the updates take effect, so that the last one naming an occupation is its cause.
        List<String> order = applied.stream().map(PolicyUpdate::id).toList();
        List<PolicyRule> started = applied.isEmpty() ? List.of()
                : rules.findByPolicyUpdateIdIn(byId.keySet()).stream().sorted(Comparator
                        .comparingInt((PolicyRule r) -> order.indexOf(r.policyUpdateId()))
                        .thenComparingInt(PolicyRule::changeIndex)).toList();
        List<PolicyRule> ended = evaluatedOn == null || !evaluatedOn.isBefore(today) ? List.of()
                : rules.findEndedBetween(country.name(), evaluatedOn, today);
        Map<String, PolicyUpdate> endedUpdates = ended.isEmpty() ? Map.of()
                : updates.findByIdIn(ended.stream().map(PolicyRule::policyUpdateId).distinct().toList()).stream()
                        .collect(Collectors.toMap(PolicyUpdate::id, Function.identity()));
        if (!applied.isEmpty()) {
            ruleSets.changed(country, now);
        }
        statuses.recomputeAll(country, occupation -> cause(occupation, started, byId, ended, endedUpdates));
        ruleSets.evaluated(country, today);
        return applied;
    }

    /**
     * What to name as the cause of a change: a starting rule about the occupation, else one about a setting, else a
     * rule that ended (the same way round), else the day itself.
     */
    private static StatusCause cause(KnownOccupation occupation, List<PolicyRule> started,
                                     Map<String, PolicyUpdate> startedUpdates, List<PolicyRule> ended,
                                     Map<String, PolicyUpdate> endedUpdates) {
        Optional<PolicyRule> start = pick(occupation, started);
        if (start.isPresent()) {
            PolicyUpdate update = startedUpdates.get(start.get().policyUpdateId());
            return StatusCause.policyUpdate(update.id(), update.source(), update.effectiveFrom());
        }
        Optional<PolicyRule> end = pick(occupation, ended);
        if (end.isPresent() && endedUpdates.containsKey(end.get().policyUpdateId())) {
            PolicyUpdate update = endedUpdates.get(end.get().policyUpdateId());
            return StatusCause.ruleEnded(update.id(), update.source(), end.get().effectiveTo());
        }
        return StatusCause.newDay();
    }

    private static Optional<PolicyRule> pick(KnownOccupation occupation, List<PolicyRule> candidates) {
        Optional<PolicyRule> aboutIt = candidates.stream().filter(r -> r.isAbout(occupation)).reduce((a, b) -> b);
        return aboutIt.isPresent() ? aboutIt : candidates.stream().filter(r -> r.code() == null).reduce((a, b) -> b);
    }
}

package org.careergraph.immigration.policy;

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
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.careergraph.immigration.occupation.KnownOccupation;
import org.careergraph.immigration.rules.Country;
import org.careergraph.immigration.rules.LockedRuleSet;
import org.careergraph.immigration.rules.PolicyRule;
import org.careergraph.immigration.rules.PolicyRuleRepository;
import org.careergraph.immigration.rules.PolicyUpdate;
import org.careergraph.immigration.rules.PolicyUpdateRepository;
import org.careergraph.immigration.rules.Rule;
import org.careergraph.immigration.rules.RuleBook;
import org.careergraph.immigration.rules.RuleSets;
import org.careergraph.immigration.status.StatusCause;
import org.careergraph.immigration.status.StatusService;

/**
 * Puts policy updates in force and keeps statuses true as days pass. Applying an update, or reaching a day on which a
 * rule starts or ends, recomputes every occupation of the country against the whole rule book (a median wage change
 * moves every occupation; a Green List change one), and only real changes are published. It works on the rule set
 * its caller locked, or locks it itself for a scheduled run: once either way.
 */
@Singleton
class PolicyApplier {

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

    /** An update whose date has come, with its rules as stored (in this transaction or before). */
    record Due(PolicyUpdate update, List<PolicyRule> rules) {

        /** Its rules as the rule book reads them, in the order of its changes. */
        private Stream<Rule> read() {
            return rules.stream().sorted(Comparator.comparingInt(PolicyRule::changeIndex)).map(r -> r.read(update));
        }
    }

    /** Puts updates whose date has come in force now, in the order they take effect, on the locked rule set. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    List<PolicyUpdate> apply(LockedRuleSet locked, List<Due> due) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        LocalDate today = locked.country().today(clock);
        List<Due> applied = due.stream().map(d -> new Due(d.update().applied(now), d.rules())).toList();
        // In the order the updates take effect, so that the last one naming an occupation is its cause.
        List<Rule> started = applied.stream().flatMap(Due::read).toList();
        // The rules in force read (if not yet) before the updates are stored as applied; theirs added in memory.
        RuleBook inForce = applied.isEmpty() ? locked.inForce() : locked.putInForce(started, now);
        List<PolicyUpdate> stored = applied.stream().map(d -> updates.update(d.update())).toList();
        LocalDate evaluatedOn = locked.evaluatedOn();
        List<Rule> ended = evaluatedOn == null || !evaluatedOn.isBefore(today) ? List.of()
                : inForce.rules().stream().filter(r -> r.effectiveTo() != null
                        && !r.effectiveTo().isBefore(evaluatedOn) && r.effectiveTo().isBefore(today))
                        .sorted(Comparator.comparingLong(Rule::sequence)).toList();
        statuses.recomputeAll(locked, occupation -> cause(occupation, started, ended));
        locked.evaluated(today);
        return stored;
    }

    /**
     * Brings the country up to today: applies every update whose date has come and, on a new day, recomputes the
     * statuses (a rule may have ended). Updates that take effect together are applied together, so an occupation two
     * of them name never passes through a status that was not in force. Returns how many updates it applied.
     */
    @Transactional
    public int catchUp(Country country) {
        LockedRuleSet locked = ruleSets.lock(country);
        LocalDate today = country.today(clock);
        List<PolicyUpdate> due = updates.findDue(country.name(), today);
        // Nothing new today; or a clock set back (another replica ran ahead): statuses stay as they are.
        if (due.isEmpty() && locked.evaluatedOn() != null && !today.isAfter(locked.evaluatedOn())) {
            return 0;
        }
        Map<String, List<PolicyRule>> rulesByUpdate = due.isEmpty() ? Map.of()
                : rules.findByPolicyUpdateIdIn(due.stream().map(PolicyUpdate::id).toList()).stream()
                        .collect(Collectors.groupingBy(PolicyRule::policyUpdateId));
        return apply(locked, due.stream().map(u -> new Due(u, rulesByUpdate.getOrDefault(u.id(), List.of())))
                .toList()).size();
    }

    /**
     * What to name as the cause of a change: a starting rule about the occupation, else one about a setting, else a
     * rule that ended (the same way round), else the day itself.
     */
    private static StatusCause cause(KnownOccupation occupation, List<Rule> started, List<Rule> ended) {
        Optional<Rule> start = pick(occupation, started);
        if (start.isPresent()) {
            return StatusCause.policyUpdate(start.get().policyUpdateId(), start.get().source(),
                    start.get().effectiveFrom());
        }
        return pick(occupation, ended)
                .map(end -> StatusCause.ruleEnded(end.policyUpdateId(), end.source(), end.effectiveTo()))
                .orElseGet(StatusCause::newDay);
    }

    private static Optional<Rule> pick(KnownOccupation occupation, List<Rule> candidates) {
        Optional<Rule> aboutIt = candidates.stream().filter(r -> r.isAbout(occupation)).reduce((a, b) -> b);
        return aboutIt.isPresent() ? aboutIt : candidates.stream().filter(r -> r.code() == null).reduce((a, b) -> b);
    }
}

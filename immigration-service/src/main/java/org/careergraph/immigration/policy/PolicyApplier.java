package org.careergraph.immigration.policy;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.careergraph.immigration.occupation.KnownOccupation;
import org.careergraph.immigration.occupation.KnownOccupationRepository;
import org.careergraph.immigration.status.StatusCause;
import org.careergraph.immigration.status.StatusService;

/** Puts a policy update in force: marks it applied and recomputes the status of every occupation it names. */
@Singleton
public class PolicyApplier {

    private final PolicyUpdateRepository updates;
    private final PolicyRuleRepository rules;
    private final KnownOccupationRepository occupations;
    private final RuleSets ruleSets;
    private final StatusService statuses;
    private final Clock clock;

    PolicyApplier(PolicyUpdateRepository updates, PolicyRuleRepository rules, KnownOccupationRepository occupations,
                  RuleSets ruleSets, StatusService statuses, Clock clock) {
        this.updates = updates;
        this.rules = rules;
        this.occupations = occupations;
        this.ruleSets = ruleSets;
        this.statuses = statuses;
        this.clock = clock;
    }

    /** Puts one update in force now (its rules already stored in this transaction). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public PolicyUpdate apply(PolicyUpdate update) {
        return applyAll(Country.valueOf(update.country()), List.of(update)).get(0);
    }

    /**
     * Applies every update of the country whose date has come, in one transaction; returns how many. Updates that
     * take effect together are applied together, so an occupation two of them name is recomputed once, against all
     * of them, and never passes through a status that was not in force.
     */
    @Transactional
    public int applyDue(Country country) {
        ruleSets.lock(country);
        return applyAll(country, updates.findDue(country.name(), country.today(clock))).size();
    }

    private List<PolicyUpdate> applyAll(Country country, List<PolicyUpdate> due) {
        ruleSets.lock(country);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        // Each occupation once, with the cause of the last update (in effect order) that names it.
        Map<String, StatusCause> causeByOccupation = new LinkedHashMap<>();
        Map<String, KnownOccupation> named = new LinkedHashMap<>();
        for (PolicyUpdate update : due) {
            updates.updateAppliedAt(update.id(), now);
            StatusCause cause = StatusCause.policyUpdate(update.id(), update.source());
            for (PolicyRule rule : rules.findByPolicyUpdateIdOrderByChangeIndex(update.id())) {
                if (rule.codeSystem() != null && rule.code() != null) {
                    for (KnownOccupation occupation : occupations.findByCodeSystemAndCode(rule.codeSystem(),
                            rule.code())) {
                        named.put(occupation.id(), occupation);
                        causeByOccupation.put(occupation.id(), cause);
                    }
                }
            }
        }
        if (!due.isEmpty()) {
            ruleSets.changed(country, now);
        }
        named.forEach((id, occupation) -> statuses.recompute(occupation, country, causeByOccupation.get(id)));
        return due.stream().map(update -> update.applied(now)).toList();
    }
}

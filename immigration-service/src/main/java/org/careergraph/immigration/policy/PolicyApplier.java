package org.careergraph.immigration.policy;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
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

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public PolicyUpdate apply(PolicyUpdate update, List<PolicyRule> updateRules) {
        Country country = Country.valueOf(update.country());
        ruleSets.lock(country);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        updates.updateAppliedAt(update.id(), now);
        ruleSets.changed(country, now);
        StatusCause cause = StatusCause.policyUpdate(update.id(), update.source());
        for (PolicyRule rule : updateRules) {
            if (rule.codeSystem() != null && rule.code() != null) {
                for (KnownOccupation occupation : occupations.findByCodeSystemAndCode(rule.codeSystem(), rule.code())) {
                    statuses.recompute(occupation, country, cause);
                }
            }
        }
        return update.applied(now);
    }

    /** Applies the country's next update whose date has come, in its own transaction; false when none is due. */
    @Transactional
    public boolean applyNextDue(Country country) {
        ruleSets.lock(country);
        Optional<PolicyUpdate> due = updates.findNextDue(country.name(), country.today(clock));
        due.ifPresent(update -> apply(update, rules.findByPolicyUpdateIdOrderByChangeIndex(update.id())));
        return due.isPresent();
    }
}

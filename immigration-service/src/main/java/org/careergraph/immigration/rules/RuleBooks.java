package org.careergraph.immigration.rules;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads a country's stored rules into a {@link RuleBook}: two queries, whatever the number of occupations. */
@Singleton
public class RuleBooks {

    private final PolicyRuleRepository rules;
    private final PolicyUpdateRepository updates;

    RuleBooks(PolicyRuleRepository rules, PolicyUpdateRepository updates) {
        this.rules = rules;
        this.updates = updates;
    }

    /**
     * The rules in force, read with locks (see {@link PolicyRuleRepository#findAppliedForUpdate}); through
     * {@link LockedRuleSet#inForce}, once the rule set is locked.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    RuleBook inForce(Country country) {
        return book(country, rules.findAppliedForUpdate(country.name()),
                updates.findByCountryAndWithdrawnAtIsNullForUpdate(country.name()));
    }

    /** The rules in force and those announced for later: what the rules and status on a future date read. */
    @Transactional(readOnly = true)
    public RuleBook withAnnounced(Country country) {
        return book(country, rules.findAppliedOrAnnounced(country.name()),
                updates.findByCountryAndWithdrawnAtIsNull(country.name()));
    }

    private static RuleBook book(Country country, List<PolicyRule> stored, List<PolicyUpdate> recorded) {
        Map<String, PolicyUpdate> updateById = recorded.stream()
                .collect(Collectors.toMap(PolicyUpdate::id, Function.identity()));
        return new RuleBook(country, stored.stream().filter(r -> updateById.containsKey(r.policyUpdateId()))
                .map(r -> r.read(updateById.get(r.policyUpdateId()))).toList());
    }
}

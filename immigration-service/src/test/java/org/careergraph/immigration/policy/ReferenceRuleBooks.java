package org.careergraph.immigration.policy;

import io.micronaut.serde.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.careergraph.events.RuleChange;
import org.careergraph.immigration.rules.Country;
import org.careergraph.immigration.rules.PolicyUpdate;
import org.careergraph.immigration.rules.Rule;
import org.careergraph.immigration.rules.RuleBook;
import org.careergraph.immigration.rules.RuleKind;

/** The initial rule set as a rule book, without a database: for tests of what the reference rules mean. */
public final class ReferenceRuleBooks {

    private ReferenceRuleBooks() {
    }

    /** Every entry of the file for {@code country}, in force (plus {@code extra} rules recorded after them). */
    public static RuleBook of(Country country, Rule... extra) {
        List<Rule> rules = new ArrayList<>();
        long sequence = 0;
        for (InitialRuleSet.Update update : InitialRuleSet.read(ObjectMapper.getDefault()).updates()) {
            if (!update.country().equals(country.name())) {
                continue;
            }
            for (RuleChange change : PolicyUpdateValidation.normalized(update.changes())) {
                rules.add(new Rule(RuleKind.valueOf(change.kind()), change.codeSystem(), change.code(), change.key(),
                        change.value(), update.effectiveFrom(), change.effectiveTo(), update.storedId(),
                        update.source(), PolicyUpdate.INITIAL_RULE_SET, Instant.EPOCH, false, sequence++));
            }
        }
        rules.addAll(List.of(extra));
        return new RuleBook(country, rules);
    }
}

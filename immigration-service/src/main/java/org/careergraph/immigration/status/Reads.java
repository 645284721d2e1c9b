package org.careergraph.immigration.status;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.careergraph.immigration.rules.Rule;
import org.careergraph.immigration.rules.RuleKind;
import org.careergraph.immigration.rules.RulesOn;

/** The rules a route read, in the order it read them, each once. */
final class Reads {
    final List<Rule> rules = new ArrayList<>();

    Reads copy() {
        Reads copy = new Reads();
        copy.rules.addAll(rules);
        return copy;
    }

    Optional<Rule> read(Optional<Rule> rule) {
        rule.filter(r -> !rules.contains(r)).ifPresent(rules::add);
        return rule;
    }

    List<Rule> readAll(List<Rule> found) {
        found.forEach(r -> read(Optional.of(r)));
        return found;
    }

    Optional<BigDecimal> decimal(RulesOn on, RuleKind kind, @Nullable String key) {
        return read(key == null ? on.setting(kind) : on.setting(kind, key)).map(r -> new BigDecimal(r.value()));
    }
}

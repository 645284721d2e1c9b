package org.careergraph.immigration.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.careergraph.immigration.rules.Rule;
import org.careergraph.immigration.rules.RuleKind;
import org.careergraph.immigration.rules.RulesOn;

/**
 * One visa route (GREEN_LIST, SMC, AEWV, HIGHLY_PAID_WORK_TO_RESIDENCE; H1B, EB2, PERM) for an occupation on a date:
 * whether it is open at the mid-level pay (null: it depends on what the page does not say), why in words, and the
 * rules behind that.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Route(String route, @Nullable Boolean open, Explanation explanation, List<Rule> rules) {

    /** A route being assessed: its text so far and the rules it read, each once. */
    static final class Draft {
        final Explanation.Builder text = new Explanation.Builder();
        private final String name;
        private final StatusCalculator.Reads reads;

        Draft(String name, StatusCalculator.Reads readBefore) {
            this.name = name;
            this.reads = readBefore.copy();
        }

        Optional<Rule> read(Optional<Rule> rule) {
            return reads.read(rule);
        }

        List<Rule> readAll(List<Rule> rules) {
            return reads.readAll(rules);
        }

        Optional<BigDecimal> decimal(RulesOn rules, RuleKind kind, @Nullable String key) {
            return reads.decimal(rules, kind, key);
        }

        Route done(@Nullable Boolean open) {
            return new Route(name, open, text.build(), List.copyOf(reads.rules));
        }
    }
}

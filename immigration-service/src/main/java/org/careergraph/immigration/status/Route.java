package org.careergraph.immigration.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.careergraph.immigration.rules.Explanation;
import org.careergraph.immigration.rules.Rule;
import org.careergraph.immigration.rules.RuleKind;
import org.careergraph.immigration.rules.RulesOn;

/**
 * One visa route (GREEN_LIST, SMC, AEWV, HIGHLY_PAID_WORK_TO_RESIDENCE; H1B, EB2, PERM) for an occupation on a date:
 * whether it is open at the mid-level pay ({@code state}; {@code open} says the same as a Boolean, null when
 * unknown), what is missing when that cannot be told ({@code unknownBecause}), why in words, and the rules behind it.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Route(String route, State state, @Nullable Boolean open, @Nullable UnknownBecause unknownBecause,
                    Explanation explanation, List<Rule> rules) {

    public Route {
        if ((state == State.UNKNOWN) != (open == null) || (state == State.UNKNOWN) != (unknownBecause != null)) {
            throw new IllegalArgumentException("Route " + route + ": state " + state + ", open " + open
                    + " and unknownBecause " + unknownBecause + " disagree");
        }
    }

    public enum State { OPEN, CLOSED, UNKNOWN }

    /** What the catalog or the rules lack, so that whether a route is open cannot be told. */
    public enum UnknownBecause {
        /** No pay in the country's currency: ANZSCO publishes none, and the page gives no salary band in NZD. */
        NO_PAY_FIGURE("Unknown: no pay figure.", "未知：沒有薪資數據。"),
        /** Neither BLS's typical entry education nor an O*NET job zone: the degree the occupation needs. */
        NO_EDUCATION_FIGURE("Unknown: no education figure.", "未知：沒有學歷數據。"),
        /** No ANZSCO skill level, where the rule turns on it and the pay does not settle it. */
        NO_SKILL_LEVEL("Unknown: no skill level.", "未知：沒有技能等級。"),
        /** No rule in force on the date says what the route asks. */
        NO_RULE("Unknown: no rule recorded.", "未知：沒有規則紀錄。");

        private final String en;
        private final String zh;

        UnknownBecause(String en, String zh) {
            this.en = en;
            this.zh = zh;
        }

        /** The sentence an explanation of an unknown route starts with. */
        String en() {
            return en;
        }

        String zh() {
            return zh;
        }
    }

    /** A route being assessed: its text so far and the rules it read, each once. */
    static final class Draft {
        final Explanation.Builder text = new Explanation.Builder();
        private final String name;
        private final Reads reads;

        Draft(String name, Reads readBefore) {
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

        Route done(boolean open) {
            return new Route(name, open ? State.OPEN : State.CLOSED, open, null, text.build(),
                    List.copyOf(reads.rules));
        }

        Route unknown(UnknownBecause why) {
            return new Route(name, State.UNKNOWN, null, why, text.build(), List.copyOf(reads.rules));
        }

        /** Open or closed as {@code open} says; when it is null, unknown for {@code why}. */
        Route done(@Nullable Boolean open, @Nullable UnknownBecause why) {
            return open == null ? unknown(why) : done(open.booleanValue());
        }
    }
}

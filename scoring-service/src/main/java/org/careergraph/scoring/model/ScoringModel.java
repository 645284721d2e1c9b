package org.careergraph.scoring.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.careergraph.events.Score;

/**
 * The walking skeleton's scoring model: two of the eight dimensions, each a documented function of its inputs, and
 * the overall as their weighted mean. Pure: the same inputs always give the same score.
 *
 * <ul>
 *   <li>income = 5 x (mid-level pay / the country's median annual wage), within 0-10: pay at the median scores 5,
 *   twice the median scores 10;</li>
 *   <li>PR friendliness = 10 on Green List Tier 1 (straight to residence), 7 on Tier 2 (work to residence), 3 off
 *   the list;</li>
 *   <li>overall = the mean of the dimensions that have inputs, weights equal.</li>
 * </ul>
 */
public final class ScoringModel {

    public static final String VERSION = "skeleton-1";

    /**
     * Median annual wage per currency: NZ median 33.56 NZD/h (from 2025-08-18) x 2080 h; US median annual wage for
     * all occupations (BLS OEWS, May 2024).
     */
    static final Map<String, BigDecimal> MEDIAN_ANNUAL_WAGE = Map.of(
            "NZD", new BigDecimal("69804.80"),
            "USD", new BigDecimal("49500.00"));

    private ScoringModel() {
    }

    public static Result score(ScoringInput input) {
        Map<String, BigDecimal> dimensions = new LinkedHashMap<>();
        List<String> explanation = new ArrayList<>();
        BigDecimal median = input.currency() == null ? null : MEDIAN_ANNUAL_WAGE.get(input.currency());
        if (input.midSalary() != null && median != null) {
            BigDecimal ratio = input.midSalary().divide(median, 4, RoundingMode.HALF_UP);
            BigDecimal income = clamp(ratio.multiply(BigDecimal.valueOf(5)));
            dimensions.put("income", income);
            explanation.add("income: mid-level pay " + input.currency() + " " + input.midSalary().toPlainString()
                    + " is " + ratio.setScale(2, RoundingMode.HALF_UP) + " x the median annual wage "
                    + median.toPlainString() + " -> " + income);
        } else {
            explanation.add("income: not rated (no mid-level pay in a currency with a known median wage)");
        }
        BigDecimal pr = prFriendliness(input.greenListTier());
        dimensions.put("prFriendliness", pr);
        explanation.add("prFriendliness: " + (input.greenListTier() == null ? "not on the Green List"
                : "Green List Tier " + input.greenListTier()) + " -> " + pr);
        BigDecimal overall = dimensions.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(dimensions.size()), 1, RoundingMode.HALF_UP);
        explanation.add("overall: mean of " + dimensions.keySet() + " -> " + overall);
        return new Result(new Score(overall, dimensions), String.join("\n", explanation));
    }

    private static BigDecimal prFriendliness(Integer tier) {
        if (tier == null) {
            return new BigDecimal("3.0");
        }
        return tier == 1 ? new BigDecimal("10.0") : new BigDecimal("7.0");
    }

    private static BigDecimal clamp(BigDecimal value) {
        return value.max(BigDecimal.ZERO).min(BigDecimal.TEN).setScale(1, RoundingMode.HALF_UP);
    }

    /** A score and how it was reached, line by line. */
    public record Result(Score score, String explanation) {
    }
}

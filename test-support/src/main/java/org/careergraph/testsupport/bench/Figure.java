package org.careergraph.testsupport.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * One measured figure beside the baseline measured in the same run, and their ratio: on a shared, noisy machine the
 * ratio holds where the absolute figure does not.
 *
 * @param name          what was measured, e.g. {@code GET /api/occupations/{id}}
 * @param value         the figure
 * @param unit          its unit, e.g. {@code req/s}, {@code ms}, {@code occupations/s}
 * @param baseline      what it is compared with, e.g. {@code GET /bench/hello, same service and load}
 * @param baselineValue the baseline's figure, measured in the same run
 * @param baselineUnit  the baseline's unit (usually the figure's)
 * @param ratio         the figure against its baseline, oriented so that 1.0 is "as good as the baseline"
 * @param goal          what the ratio or the value should reach, or null where none was set
 * @param note          what to know to read it (sizes, settings, what limits it), or empty
 */
public record Figure(String name, double value, String unit, String baseline, double baselineValue,
                     String baselineUnit, double ratio, Goal goal, String note) {

    public Figure {
        Objects.requireNonNull(name);
        Objects.requireNonNull(unit);
        Objects.requireNonNull(baseline);
        note = note == null ? "" : note;
    }

    /** A rate (higher is better) against a baseline rate in the same unit: ratio = value / baseline. */
    public static Figure rate(String name, double value, String unit, String baseline, double baselineValue,
                              Goal goal, String note) {
        return new Figure(name, value, unit, baseline, baselineValue, unit, value / baselineValue, goal, note);
    }

    /** A time (lower is better) against a baseline time in the same unit: ratio = baseline / value. */
    public static Figure time(String name, double value, String unit, String baseline, double baselineValue,
                              Goal goal, String note) {
        return new Figure(name, value, unit, baseline, baselineValue, unit, baselineValue / value, goal, note);
    }

    /** Whether the goal is met; true where there is none. */
    public boolean met() {
        return goal == null || goal.metBy(value, ratio);
    }

    /** Whether every number is a number: what the smoke form checks. */
    public boolean finite() {
        return Double.isFinite(value) && Double.isFinite(baselineValue) && Double.isFinite(ratio);
    }

    /** Whole numbers from 100 up, else three significant digits; never an exponent: 1430.4 -> 1430, 0.4567 -> 0.457. */
    static String format(double number) {
        if (!Double.isFinite(number)) {
            return String.valueOf(number);
        }
        if (Math.abs(number) >= 100) {
            return String.valueOf(Math.round(number));
        }
        return new BigDecimal(number).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}

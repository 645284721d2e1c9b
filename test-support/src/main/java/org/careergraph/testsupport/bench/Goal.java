package org.careergraph.testsupport.bench;

/**
 * What a figure should reach, from the issue that asked for it: a bound on its ratio to the baseline (the usual
 * goal: ratios hold on a noisy machine) or on its own value (a time to ready, a memory size).
 *
 * @param onRatio whether the bound is on the ratio (else on the value, in the figure's unit)
 * @param atLeast whether the figure must be at least the bound (else at most)
 * @param bound   the bound
 */
public record Goal(boolean onRatio, boolean atLeast, double bound) {

    public static Goal ratioAtLeast(double bound) {
        return new Goal(true, true, bound);
    }

    public static Goal ratioAtMost(double bound) {
        return new Goal(true, false, bound);
    }

    public static Goal valueAtMost(double bound) {
        return new Goal(false, false, bound);
    }

    public static Goal valueAtLeast(double bound) {
        return new Goal(false, true, bound);
    }

    boolean metBy(double value, double ratio) {
        double measured = onRatio ? ratio : value;
        return atLeast ? measured >= bound : measured <= bound;
    }

    /** As the table shows it: {@code ratio >= 0.5}, {@code < 1.5 s}. */
    String describe(String unit) {
        String number = Figure.format(bound);
        return (onRatio ? "ratio " : "") + (atLeast ? ">= " : "<= ") + number + (onRatio ? "" : " " + unit);
    }
}

package org.careergraph.web.career;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A linear axis for amounts of money: from a round amount at or below the lowest to one at or above the highest, with
 * ticks every 1, 2 or 5 times a power of ten, as few as it takes for their labels (as wide as {@link TextWidth}
 * reckons them) to leave room between them.
 */
final class MoneyScale {

    /** A tick at {@code x} (from the axis's start) with its label. */
    record Tick(double x, double amount, String label) {
    }

    private final double low;
    private final double high;
    private final double width;
    private final List<Tick> ticks;

    private MoneyScale(double low, double high, double width, List<Tick> ticks) {
        this.low = low;
        this.high = high;
        this.width = width;
        this.ticks = ticks;
    }

    /**
     * An axis {@code width} px long that holds every amount from {@code lowest} to {@code highest} (both 0 or more),
     * its ticks labelled by {@code label}.
     */
    static MoneyScale of(double lowest, double highest, double width, DoubleFunction<String> label) {
        double span = highest - lowest;
        if (span <= 0) {
            span = Math.max(Math.abs(highest), 1) / 2;
        }
        double step = nice(span / 4);
        for (int attempt = 0; ; attempt++) {
            double from = Math.floor(lowest / step) * step;
            double to = Math.ceil(highest / step) * step;
            if (to <= from) {
                // one amount: a step either side of it (not below zero)
                from = Math.max(0, from - step);
                to = from + 2 * step;
            }
            long count = Math.round((to - from) / step);
            List<Tick> ticks = new ArrayList<>();
            double widest = 0;
            for (long i = 0; i <= count; i++) {
                double amount = from + i * step;
                String text = label.apply(amount);
                widest = Math.max(widest, TextWidth.chart(text));
                ticks.add(new Tick(i * width / count, amount, text));
            }
            if (width / count >= widest + TimeAxis.GAP || attempt > 30) {
                return new MoneyScale(from, to, width, ticks);
            }
            step = larger(step);
        }
    }

    /** Where {@code amount} lies, from the axis's start. */
    double x(double amount) {
        return (amount - low) / (high - low) * width;
    }

    List<Tick> ticks() {
        return ticks;
    }

    double low() {
        return low;
    }

    double high() {
        return high;
    }

    /** The round step nearest to {@code rough}: 1, 2 or 5 times a power of ten. */
    static double nice(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / power;
        return (fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10) * power;
    }

    /** The next round step up: 1 → 2 → 5 → 10. */
    private static double larger(double step) {
        double power = Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
        double fraction = Math.round(step / power);
        return (fraction < 2 ? 2 : fraction < 5 ? 5 : 10) * power;
    }
}

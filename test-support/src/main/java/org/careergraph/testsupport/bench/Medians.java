package org.careergraph.testsupport.bench;

import java.util.Collection;
import java.util.function.ToDoubleFunction;

/** The median of a benchmark's rounds: the figure it reports, steadier than a mean on a noisy machine. */
public final class Medians {

    private Medians() {
    }

    /** The middle value (the mean of the middle two for an even count); NaN when there is none. */
    public static double of(Collection<? extends Number> values) {
        return of(values, Number::doubleValue);
    }

    /** The median of one figure of each round. */
    public static <T> double of(Collection<T> rounds, ToDoubleFunction<? super T> figure) {
        double[] sorted = rounds.stream().mapToDouble(figure).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

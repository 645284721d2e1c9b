package org.careergraph.testsupport.bench;

import java.util.Arrays;

/** Latencies recorded one by one (from any thread) and read as percentiles, in milliseconds. */
public final class Latencies {

    private long[] nanos = new long[1024];
    private int count;

    public synchronized void add(long elapsedNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = elapsedNanos;
    }

    public synchronized int count() {
        return count;
    }

    /** The latency that {@code percent} % of the recorded ones do not exceed (nearest rank), in ms; NaN when none. */
    public synchronized double percentileMillis(double percent) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
    }
}

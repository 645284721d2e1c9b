package org.careergraph.catalog.importer;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * When an import must be done by, checked as it proceeds (every line, every section); past it the import stops
 * with {@link Passed}, before anything is stored or with the transaction rolled back.
 */
public final class Deadline {

    /** No deadline: for the tests of the importer's reading and for the seed pages. */
    public static final Deadline NONE = new Deadline(Duration.ZERO, () -> 0, Long.MAX_VALUE);

    private final Duration budget;
    private final LongSupplier nanoTime;
    private final long endNanos;

    private Deadline(Duration budget, LongSupplier nanoTime, long endNanos) {
        this.budget = budget;
        this.nanoTime = nanoTime;
        this.endNanos = endNanos;
    }

    public static Deadline after(Duration budget) {
        return after(budget, System::nanoTime);
    }

    /** With its own clock, so that a test can make time pass by the step rather than by waiting. */
    static Deadline after(Duration budget, LongSupplier nanoTime) {
        return new Deadline(budget, nanoTime, nanoTime.getAsLong() + budget.toNanos());
    }

    public void check() {
        if (endNanos != Long.MAX_VALUE && nanoTime.getAsLong() - endNanos >= 0) {
            throw new Passed(budget);
        }
    }

    /** The import took longer than its budget. */
    public static final class Passed extends RuntimeException {

        private final Duration budget;

        Passed(Duration budget) {
            super("the import took longer than its budget of " + budget.toMillis() + " ms");
            this.budget = budget;
        }

        public Duration budget() {
            return budget;
        }
    }
}

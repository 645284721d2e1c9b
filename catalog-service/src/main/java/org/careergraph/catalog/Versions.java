package org.careergraph.catalog;

import java.time.Instant;

/**
 * An {@code updated_at} that serves as a version (the search index's, a read's kept answer's): each write moves it,
 * even a second write within the millisecond of the last one or after the clock stepped back.
 */
public final class Versions {

    private Versions() {
    }

    /** {@code now}, or the millisecond after {@code last} where {@code now} is not later than it. */
    public static Instant next(Instant last, Instant now) {
        return now.isAfter(last) ? now : last.plusMillis(1);
    }
}

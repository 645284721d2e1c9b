package org.careergraph.deploy.local;

import java.time.Duration;

/**
 * When the supervisor starts again a service that exited, and when it stops trying: as with a Kubernetes pod in
 * CrashLoopBackOff, the wait doubles with each exit in a row up to a cap; a service that then stays ready long
 * enough counts its exits from zero again.
 *
 * @param initialBackoff the wait before the first restart in a row
 * @param maxBackoff     the longest wait
 * @param crashLoopLimit the exits in a row after which the service is given up on (not restarted again)
 * @param stableAfter    how long a service must have been ready, when it exits, for that exit to be the first in a
 *                       row again
 */
record RestartPolicy(Duration initialBackoff, Duration maxBackoff, int crashLoopLimit, Duration stableAfter) {

    /** 1 s, 2 s, 4 s, 8 s, then given up on at the fifth exit in a row; a minute ready starts over. */
    static final RestartPolicy DEFAULT = new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 5,
            Duration.ofSeconds(60));

    RestartPolicy {
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("Backoff must be 0 <= initial <= max: " + initialBackoff + ", "
                    + maxBackoff);
        }
        if (crashLoopLimit < 1) {
            throw new IllegalArgumentException("The crash loop limit must be at least 1: " + crashLoopLimit);
        }
        if (stableAfter.isNegative()) {
            throw new IllegalArgumentException("stableAfter must not be negative: " + stableAfter);
        }
    }

    /** The wait before restart number {@code restart} in a row (1 for the first). */
    Duration backoff(int restart) {
        Duration wait = initialBackoff;
        for (int i = 1; i < restart && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}

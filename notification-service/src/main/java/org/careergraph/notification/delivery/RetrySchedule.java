package org.careergraph.notification.delivery;

import java.time.Duration;
import java.util.Optional;

/**
 * When to try a failed webhook delivery again: exponential backoff (initial, 2x initial, 4x initial ... up to the
 * cap) until the maximum number of attempts, after which the notification is given up as failed.
 */
public record RetrySchedule(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public RetrySchedule {
        if (maxAttempts < 1 || initialBackoff.isNegative() || initialBackoff.isZero()
                || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("need maxAttempts >= 1 and 0 < initialBackoff <= maxBackoff");
        }
    }

    /** The wait before the next attempt after {@code attemptsMade} attempts all failed; empty: give up. */
    public Optional<Duration> delayAfter(int attemptsMade) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        int doublings = Math.max(0, attemptsMade - 1);
        // Past 2^30 the cap has long been reached; stop doubling before the long overflows.
        if (doublings >= 30) {
            return Optional.of(maxBackoff);
        }
        Duration delay = initialBackoff.multipliedBy(1L << doublings);
        return Optional.of(delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay);
    }
}

package org.careergraph.notification.delivery;

import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a failed delivery again, like Svix: after the first attempt fails, wait the first delay, then the
 * second ... (by default 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h: eight attempts over about 28 hours, the retry
 * window). Each wait gets up to {@code jitter} more at random (0.2: up to 20 % longer), so that receivers that
 * failed together are not retried together. A receiver's {@code Retry-After} is honoured when it asks for longer, up
 * to the longest delay of the schedule.
 */
public record RetrySchedule(List<Duration> delays, double jitter) {

    public static final RetrySchedule SVIX_LIKE = new RetrySchedule(List.of(Duration.ofSeconds(5),
            Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5),
            Duration.ofHours(10), Duration.ofHours(10)), 0.2);

    public RetrySchedule {
        delays = List.copyOf(delays);
        if (delays.stream().anyMatch(d -> d.isNegative() || d.isZero()) || jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("delays must be positive and jitter between 0 and 1");
        }
    }

    /** The first attempt and one after each delay. */
    public int maxAttempts() {
        return delays.size() + 1;
    }

    /**
     * The wait before the next attempt after {@code attemptsMade} attempts all failed; empty: the window is over,
     * give up.
     */
    public Optional<Duration> delayAfter(int attemptsMade, @Nullable Duration retryAfter, RandomGenerator random) {
        if (attemptsMade < 1 || attemptsMade > delays.size()) {
            return Optional.empty();
        }
        Duration base = delays.get(attemptsMade - 1);
        Duration delay = base.plusMillis((long) (base.toMillis() * jitter * random.nextDouble()));
        if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
            Duration longest = Collections.max(delays);
            delay = retryAfter.compareTo(longest) > 0 ? longest : retryAfter;
        }
        return Optional.of(delay);
    }
}

package org.careergraph.notification.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    /** Always the smallest draw, and always the largest: jitter's bounds. */
    private static final RandomGenerator NO_JITTER = () -> 0L;
    private static final RandomGenerator FULL_JITTER = new RandomGenerator() {
        @Override
        public long nextLong() {
            return -1L;
        }

        @Override
        public double nextDouble() {
            return Math.nextDown(1.0);
        }
    };

    @Test
    void followsSvixsScheduleForEightAttemptsOverAboutADayThenGivesUp() {
        RetrySchedule schedule = RetrySchedule.SVIX_LIKE;
        assertEquals(8, schedule.maxAttempts());
        assertEquals(
                List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2),
                        Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10)),
                IntStream.rangeClosed(1, 7).mapToObj(n -> schedule.delayAfter(n, null, NO_JITTER).orElseThrow())
                        .toList());
        assertEquals(Optional.empty(), schedule.delayAfter(8, null, NO_JITTER), "the eighth failure is the last");
        Duration window = schedule.delays().stream().reduce(Duration.ZERO, Duration::plus);
        assertEquals(Duration.ofHours(27).plusMinutes(35).plusSeconds(5), window);
    }

    @Test
    void jitterMakesAWaitUpToAFifthLongerNeverShorter() {
        RetrySchedule schedule = RetrySchedule.SVIX_LIKE;
        Duration longest = schedule.delayAfter(2, null, FULL_JITTER).orElseThrow();
        assertTrue(longest.compareTo(Duration.ofMinutes(6)) < 0 && longest.compareTo(Duration.ofSeconds(359)) > 0,
                longest.toString());
        Random random = new Random(42);
        for (int i = 0; i < 1_000; i++) {
            Duration delay = schedule.delayAfter(3, null, random).orElseThrow();
            assertTrue(delay.compareTo(Duration.ofMinutes(30)) >= 0 && delay.compareTo(Duration.ofMinutes(36)) < 0,
                    delay.toString());
        }
        assertTrue(IntStream.range(0, 20).mapToObj(i -> schedule.delayAfter(3, null, random).orElseThrow())
                .distinct().count() > 1, "receivers that failed together are not retried together");
    }

    @Test
    void aLongerRetryAfterIsHonouredUpToTheLongestDelay() {
        RetrySchedule schedule = RetrySchedule.SVIX_LIKE;
        assertEquals(Duration.ofMinutes(10), schedule.delayAfter(1, Duration.ofMinutes(10), NO_JITTER).orElseThrow());
        assertEquals(Duration.ofMinutes(5), schedule.delayAfter(2, Duration.ofSeconds(1), NO_JITTER).orElseThrow(),
                "a shorter one does not hurry the schedule");
        assertEquals(Duration.ofHours(10), schedule.delayAfter(1, Duration.ofDays(30), NO_JITTER).orElseThrow());
        assertEquals(Optional.empty(), schedule.delayAfter(8, Duration.ofSeconds(1), NO_JITTER),
                "nor does it extend the window");
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        assertEquals(Duration.ofSeconds(120), WebhookClient.retryAfter("120", now));
        assertEquals(Duration.ofMinutes(90), WebhookClient.retryAfter("Mon, 23 Nov 2026 11:30:00 GMT", now));
        assertEquals(Duration.ZERO, WebhookClient.retryAfter("Mon, 23 Nov 2026 09:00:00 GMT", now));
        assertEquals(null, WebhookClient.retryAfter("soon", now));
        assertEquals(null, WebhookClient.retryAfter("-5", now));
    }

    @Test
    void refusesDelaysThatAreNotPositiveAndJitterOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(List.of(Duration.ZERO), 0));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(List.of(Duration.ofSeconds(1)), 1.5));
    }
}

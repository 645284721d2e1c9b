package org.careergraph.notification.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    @Test
    void waitsDoubleAfterEachFailureUpToTheCapThenGivesUp() {
        RetrySchedule schedule = new RetrySchedule(8, Duration.ofSeconds(1), Duration.ofSeconds(30));
        assertEquals(
                List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L),
                IntStream.rangeClosed(1, 7).mapToObj(n -> schedule.delayAfter(n).orElseThrow().toSeconds()).toList());
        assertEquals(Optional.empty(), schedule.delayAfter(8), "the eighth failure is the last attempt");
        assertEquals(Optional.empty(), schedule.delayAfter(9));
    }

    @Test
    void manyAttemptsNeverOverflow() {
        RetrySchedule schedule = new RetrySchedule(1000, Duration.ofSeconds(1), Duration.ofHours(1));
        assertEquals(Optional.of(Duration.ofHours(1)), schedule.delayAfter(999));
        assertEquals(Optional.of(Duration.ofHours(1)), schedule.delayAfter(64));
    }

    @Test
    void oneAttemptMeansNoRetry() {
        RetrySchedule once = new RetrySchedule(1, Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertEquals(Optional.empty(), once.delayAfter(1));
    }

    @Test
    void nonsenseSettingsAreRefused() {
        Duration second = Duration.ofSeconds(1);
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(0, second, second));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(3, Duration.ZERO, second));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(3, second.multipliedBy(2), second));
    }
}

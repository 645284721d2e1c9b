package org.careergraph.notification.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DigestScheduleTest {

    @Test
    void theNextDigestIsTodayAtItsTimeIfThatIsStillAheadElseTomorrow() {
        DigestSchedule utc = new DigestSchedule(LocalTime.of(7, 0), ZoneId.of("UTC"));
        assertEquals(Instant.parse("2026-11-23T07:00:00Z"), utc.nextAfter(Instant.parse("2026-11-23T06:59:59Z")));
        assertEquals(Instant.parse("2026-11-24T07:00:00Z"), utc.nextAfter(Instant.parse("2026-11-23T07:00:00Z")));
        assertEquals(Instant.parse("2026-11-24T07:00:00Z"), utc.nextAfter(Instant.parse("2026-11-23T18:00:00Z")));
    }

    @Test
    void itsTimeIsReadInItsZone() {
        DigestSchedule auckland = new DigestSchedule(LocalTime.of(7, 0), ZoneId.of("Pacific/Auckland"));
        // 07:00 in Auckland in November (daylight time, UTC+13) is 18:00 UTC the day before.
        assertEquals(Instant.parse("2026-11-23T18:00:00Z"), auckland.nextAfter(Instant.parse("2026-11-23T10:00:00Z")));
    }
}

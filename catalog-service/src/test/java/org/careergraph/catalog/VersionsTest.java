package org.careergraph.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class VersionsTest {

    private static final Instant LAST = Instant.parse("2026-12-04T10:00:00.123Z");

    @Test
    void aLaterClockIsTheNextVersion() {
        assertEquals(LAST.plusSeconds(2), Versions.next(LAST, LAST.plusSeconds(2)));
    }

    @Test
    void aWriteWithinTheSameMillisecondStillMovesTheVersion() {
        assertEquals(Instant.parse("2026-12-04T10:00:00.124Z"), Versions.next(LAST, LAST));
    }

    @Test
    void aClockThatSteppedBackNeverMovesTheVersionBackwards() {
        assertEquals(Instant.parse("2026-12-04T10:00:00.124Z"), Versions.next(LAST, LAST.minusSeconds(30)));
    }
}

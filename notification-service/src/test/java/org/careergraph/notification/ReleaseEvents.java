package org.careergraph.notification;

import org.careergraph.testsupport.TestOccupations;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.careergraph.events.EventType;
import org.careergraph.events.FieldChange;
import org.careergraph.events.OccupationChanged;
import org.careergraph.events.OccupationFacts;
import org.careergraph.events.Score;
import org.careergraph.events.ScoreChanged;
import org.careergraph.testsupport.TestEvents;

/**
 * What an official release does to one of the tests' occupations ({@link TestOccupations}): the catalog's change
 * (BLS OEWS May 2024 moved its wages and salary bands) and the scoring service's answer to it, on the real broker.
 */
public final class ReleaseEvents {

    public static final String RELEASE = "BLS OEWS May 2024";

    private final TestEvents events;
    private final JsonMapper json;

    public ReleaseEvents(TestEvents events, JsonMapper json) {
        this.events = events;
        this.json = json;
    }

    /** The release's change to the occupation (revision 3, after the announced revision 2), with this event id. */
    public String publishRelease(String eventId, String code) {
        OccupationChanged change = new OccupationChanged(TestOccupations.id(code), 3,
                OccupationChanged.ChangeKind.UPDATED,
                new OccupationFacts("社區服務工作者", "Community Services Worker", "ANZSCO", code, 4, List.of()),
                List.of(new FieldChange("/official/wages", Map.of("employment", 192710), Map.of("employment", 202900)),
                        new FieldChange("/salaryBands", List.of(), List.of())),
                "release: " + RELEASE, Instant.parse("2026-12-03T08:00:00Z"));
        return events.publish(eventId, EventType.OCCUPATION_CHANGED, change.occupationId(), write(change));
    }

    /** The score change the release caused: the median wage and the all-occupations median moved, and so did income. */
    public String publishScore(String eventId, String code, String causeEventId) {
        ScoreChanged change = new ScoreChanged(TestOccupations.id(code), "2",
                new Score(new BigDecimal("6.2"), Map.of("income", new BigDecimal("7.1"))),
                new Score(new BigDecimal("6.3"), Map.of("income", new BigDecimal("7.3"))),
                "catalog revision 3 changed [/official/wages, /salaryBands]", causeEventId,
                EventType.OCCUPATION_CHANGED.type(), List.of(
                        new FieldChange("/published/medianWage", new BigDecimal("108020"), new BigDecimal("112590")),
                        new FieldChange("/published/wageRelease", "BLS OEWS May 2023", RELEASE),
                        new FieldChange("/published/allOccupationsMedianWage", 48060, 49500)));
        return events.publish(eventId, EventType.SCORE_CHANGED, change.occupationId(), write(change));
    }

    private String write(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

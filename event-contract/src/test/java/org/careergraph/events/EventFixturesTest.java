package org.careergraph.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventFixturesTest {

    private final ObjectMapper json = ObjectMapper.getDefault();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyFixtureBindsToItsRecordAndSurvivesARoundTrip(EventType type) throws IOException {
        EventPayload payload = json.readValue(EventFixtures.json(type), type.payloadType());
        assertNotNull(payload.aggregateId());
        assertEquals(type, EventType.of(payload));

        Map<?, ?> original = json.readValue(EventFixtures.json(type), Map.class);
        Map<?, ?> again = json.readValue(json.writeValueAsString(payload), Map.class);
        assertEquals(original.keySet(), again.keySet(), "the record must carry every field of the fixture");
    }

    @Test
    void consumersIgnoreFieldsAddedByALaterMinorVersion() throws IOException {
        String withExtra = EventFixtures.json(EventType.SCORE_CHANGED).replaceFirst("\\{", "{\"addedLater\": 1,");
        ScoreChanged event = json.readValue(withExtra, ScoreChanged.class);
        assertEquals(EventFixtures.FIXTURE_OCCUPATION_ID, event.occupationId());
    }

    @Test
    void unknownTypesAreNotGuessed() {
        assertEquals(EventType.OCCUPATION_CHANGED, EventType.fromType("careergraph.occupation.changed.v1").orElseThrow());
        assertEquals(java.util.Optional.empty(), EventType.fromType("careergraph.occupation.changed.v2"));
    }

    @Test
    void deadLetterTopicsSitBesideTheirTopic() {
        assertEquals("careergraph.scores.dlt", Topics.deadLetter(Topics.SCORES));
    }
}

package org.careergraph.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
        Set<String> components = Arrays.stream(type.payloadType().getRecordComponents())
                .map(RecordComponent::getName).collect(Collectors.toSet());
        assertEquals(components, original.keySet(), "the fixture must show every field of the record, and only those");

        // Null fields are left out of the JSON, so only the fixture's non-null ones must come back.
        Map<?, ?> again = json.readValue(json.writeValueAsString(payload), Map.class);
        assertEquals(nonNullKeys(original), again.keySet(), "the record must carry every field of the fixture");
    }

    @Test
    void aStatusChangeFromBeforeTheFullRuleModelStillBinds() throws IOException {
        String old = """
                {"occupationId": "anzsco-411215", "country": "NZ", "effectiveFrom": "2026-12-01",
                 "before": {"greenListTier": 2}, "after": {"greenListTier": 1},
                 "policyUpdateId": "6f1c2d3e-0a4b-4c5d-8e9f-101112131415", "source": "Appendix 13",
                 "reason": "Green List tier 2 -> 1"}
                """;
        ImmigrationStatusChanged event = json.readValue(old, ImmigrationStatusChanged.class);

        assertEquals(new ImmigrationStatus(2), event.before());
        assertEquals(new ImmigrationStatus(1), event.after());
        assertEquals("Green List tier 2 -> 1", event.reason());
        assertNull(event.reasonZh());
    }

    @Test
    void aPolicyUpdateFromBeforeSettingsAndWithdrawalsStillBinds() throws IOException {
        String old = """
                {"policyUpdateId": "6f1c2d3e-0a4b-4c5d-8e9f-101112131415", "country": "NZ",
                 "effectiveFrom": "2026-12-01", "source": "Appendix 13", "note": null,
                 "changes": [{"kind": "GREEN_LIST_TIER", "codeSystem": "ANZSCO", "code": "411215", "value": "1"}],
                 "recordedBy": "admin", "recordedAt": "2026-11-20T08:00:00Z"}
                """;
        PolicyUpdated update = json.readValue(old, PolicyUpdated.class);

        assertEquals(List.of(new RuleChange("GREEN_LIST_TIER", "ANZSCO", "411215", "1")), update.changes());
        assertTrue(update.changes().getFirst().namesOccupation());
        assertNull(update.withdrawnAt());
        assertFalse(update.withdrawn());
    }

    @Test
    void aSettingRuleNamesNoOccupation() throws IOException {
        PolicyUpdated update = json.readValue(EventFixtures.json(EventType.POLICY_UPDATED), PolicyUpdated.class);

        RuleChange medianWage = update.changes().stream().filter(rule -> rule.kind().equals("MEDIAN_WAGE"))
                .findFirst().orElseThrow();
        assertEquals("RESIDENCE", medianWage.key());
        assertFalse(medianWage.namesOccupation());
    }

    private static Set<Object> nonNullKeys(Map<?, ?> map) {
        return map.entrySet().stream().filter(entry -> entry.getValue() != null).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
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

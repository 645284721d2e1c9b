package org.careergraph.scoring.score;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careergraph.events.EventFixtures;
import org.careergraph.events.EventType;
import org.careergraph.events.ScoreChanged;
import org.careergraph.events.Topics;
import org.careergraph.scoring.ScoringEvents;
import org.careergraph.scoring.TestScoring;
import org.careergraph.testsupport.TestEvents;
import org.careergraph.testsupport.TestInfrastructure;
import org.careergraph.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScoringIT implements TestPropertyProvider {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Argument<List<Map>> LIST = Argument.listOf(Map.class);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    JsonMapper json;

    private final String kafka = TestInfrastructure.kafkaBootstrapServers();
    private final TestEvents events = TestEvents.connect(kafka);
    private final TopicProbe scoreEvents = TopicProbe.open(kafka, Topics.SCORES);
    private final TopicProbe deadLetters = TopicProbe.open(kafka, Topics.deadLetter(Topics.OCCUPATIONS));

    @Override
    public Map<String, String> getProperties() {
        return TestScoring.properties();
    }

    @AfterAll
    void close() {
        events.close();
        scoreEvents.close();
        deadLetters.close();
    }

    @Test
    void anOccupationIsScoredAsItsInputsArriveAndATierMoveChangesPrFriendlinessOnly() throws IOException {
        ScoringEvents fixtures = new ScoringEvents(json);
        String id = TestInfrastructure.uniqueId("anzsco");
        String bystander = TestInfrastructure.uniqueId("anzsco");
        // A New Zealand page as the catalog holds one: no US release figures.
        events.publish(EventType.OCCUPATION_CHANGED, id, fixtures.nzOccupationWith(id, "published", null));
        events.publish(EventType.OCCUPATION_CHANGED, bystander,
                fixtures.nzOccupationWith(bystander, "published", null));

        // Facts only: no status yet, so no income (no median) and no PR dimensions.
        ScoreChanged first = scoreChanges(id, 1).get(0);
        assertNull(first.before());
        assertEquals("2", first.modelVersion(), "the shipped model 2 is in force");
        assertEquals(Map.of("demandOutlook", new BigDecimal("7.0"), "aiRisk", new BigDecimal("5.6"),
                "competition", new BigDecimal("5.0"), "learningDuration", new BigDecimal("9.1"),
                "certification", new BigDecimal("10.0")), first.after().dimensions(),
                "editorial 7; 6 - 0.2 x 2 partial tools; 5; 10 - 1.25 x mean(0.5 skill level 4, 1 year) = 9.0625; 10");
        assertEquals(new BigDecimal("7.0"), first.after().overall(), "(10.5 + 11.2 + 5 + 9.1 + 10) / 6.5 = 7.046");

        events.publish(EventType.IMMIGRATION_STATUS_CHANGED, id,
                EventFixtures.json(EventType.IMMIGRATION_STATUS_CHANGED, id));
        ScoreChanged status = scoreChanges(id, 2).get(1);
        assertEquals(new BigDecimal("4.9"), status.after().dimensions().get("income"),
                "5 + 2.5 x log2(67,500 / 69,804.80) = 5 + 2.5 x -0.0484 = 4.879");
        assertEquals(new BigDecimal("10.0"), status.after().dimensions().get("prFriendliness"), "Tier 1");
        assertEquals(new BigDecimal("4.5"), status.after().dimensions().get("prDifficulty"), "3.5 + 1 AEWV");
        assertEquals(new BigDecimal("6.7"), status.after().overall(), "77.35 / 11.5 = 6.726");
        assertEquals(EventType.IMMIGRATION_STATUS_CHANGED.type(), status.causeEventType());
        assertTrue(status.reason().contains("Green List Tier 2 -> Tier 1 from 2026-12-01"), status.reason());

        events.publish(EventType.IMMIGRATION_STATUS_CHANGED, id, fixtures.statusWith(id, "greenListTier", 2));
        ScoreChanged tierMove = scoreChanges(id, 3).get(2);
        assertEquals(new BigDecimal("8.0"), tierMove.after().dimensions().get("prFriendliness"));
        for (String dimension : List.of("income", "demandOutlook", "aiRisk", "competition", "learningDuration",
                "certification", "prDifficulty")) {
            assertEquals(0, tierMove.before().dimensions().get(dimension)
                    .compareTo(tierMove.after().dimensions().get(dimension)), dimension);
        }
        assertEquals(new BigDecimal("6.5"), tierMove.after().overall(), "(77.35 - 1.5 x 2) / 11.5 = 6.465");
        assertEquals(1, scoreEvents.recordsWithKey(bystander).size(), "the other occupation is not re-scored");

        // What consumers test against: the published payload has the fields of the contract's fixture.
        Map<?, ?> published = json.readValue(scoreEvents.recordsWithKey(id).get(1).value(), Map.class);
        Map<?, ?> fixture = json.readValue(EventFixtures.json(EventType.SCORE_CHANGED), Map.class);
        assertEquals(fixture.keySet(), published.keySet());

        Map<?, ?> stored = http.toBlocking().retrieve(HttpRequest.GET("/api/scores/" + id), Map.class);
        assertEquals(6.5, ((Number) stored.get("overall")).doubleValue());
        Map<?, ?> explanation = (Map<?, ?>) stored.get("explanation");
        Map<?, ?> income = dimension(explanation, "income");
        assertEquals("no OEWS median wage for the occupation: the page's mid-level pay against the rule set's median: "
                + "5 + 2.5 x log2(pay / median) = 5 + 2.5 x log2(67,500.00 / 69,804.80) = 5 + 2.5 x -0.0484 = 4.879 "
                + "-> 4.9", income.get("rule"));
        assertEquals(2.0, ((Number) income.get("weight")).doubleValue());
        Map<?, ?> pay = (Map<?, ?>) ((List<?>) income.get("inputs")).get(0);
        assertEquals(Map.of("name", "mid-level pay", "value", "NZD 67,500.00", "source", "DERIVED",
                "from", "catalog revision 2: midpoint of the mid band NZD 60,000.00 - NZD 75,000.00"), pay);
        assertEquals("EDITORIAL", ((Map<?, ?>) ((List<?>) dimension(explanation, "demandOutlook").get("inputs"))
                .get(0)).get("source"));

        List<?> history = http.toBlocking().retrieve(HttpRequest.GET("/api/scores/" + id + "/history"), LIST);
        assertEquals(3, history.size());
        Map<?, ?> latest = (Map<?, ?>) history.get(0);
        assertEquals(6.5, ((Number) latest.get("overall")).doubleValue(), "newest first");
        assertEquals(tierMove.causeEventId(), latest.get("causeEventId"));
        assertEquals(tierMove.reason(), latest.get("reason"));
        assertEquals(8.0, ((Number) ((Map<?, ?>) latest.get("dimensions")).get("prFriendliness")).doubleValue(),
                "the move's values, as its event told them");
        assertEquals(1, ((List<?>) http.toBlocking().retrieve(HttpRequest.GET("/api/scores/" + id
                + "/history?limit=1"), LIST)).size());
    }

    @Test
    void redeliveredAndDuplicatedEventsPublishNothing() throws IOException {
        String id = TestInfrastructure.uniqueId("anzsco");
        String occupationJson = EventFixtures.json(EventType.OCCUPATION_CHANGED, id);
        String eventId = events.publish(EventType.OCCUPATION_CHANGED, id, occupationJson);
        events.publish(eventId, EventType.OCCUPATION_CHANGED, id, occupationJson);
        // A new event with the same facts: recomputed, but the score does not change.
        events.publish(EventType.OCCUPATION_CHANGED, id, occupationJson);
        String statusJson = EventFixtures.json(EventType.IMMIGRATION_STATUS_CHANGED, id);
        String statusId = events.publish(EventType.IMMIGRATION_STATUS_CHANGED, id, statusJson);
        events.publish(statusId, EventType.IMMIGRATION_STATUS_CHANGED, id, statusJson);
        events.publish(EventType.IMMIGRATION_STATUS_CHANGED, id, statusJson);
        // Then a real change, whose score event comes after anything the ones above could have caused.
        events.publish(EventType.OCCUPATION_CHANGED, id, new ScoringEvents(json).occupationWith(id,
                "shortestEducationYears", 2));

        List<ScoreChanged> changes = scoreChanges(id, 3);
        assertEquals(new BigDecimal("8.6"), changes.get(2).after().dimensions().get("learningDuration"),
                "the last event is the third score: one for the facts, one for the status, one for the change: "
                        + "10 - 1.25 x mean(0 high school, 2 job zone 3, 0.5 skill level 4, 2 years) = 8.59375");
        assertEquals(3, changes.size());
        assertEquals(3, http.toBlocking().retrieve(HttpRequest.GET("/api/scores/" + id + "/history"), LIST)
                .size());
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndThePartitionMovesOn() throws IOException {
        String id = TestInfrastructure.uniqueId("anzsco");
        events.publishRaw(Topics.OCCUPATIONS, id, "not a cloud event".getBytes(StandardCharsets.UTF_8));
        String unbindable = events.publish(EventType.OCCUPATION_CHANGED, id, "{\"occupationId\": ");
        events.publish(EventType.OCCUPATION_CHANGED, id, EventFixtures.json(EventType.OCCUPATION_CHANGED, id));

        List<ConsumerRecord<String, byte[]>> dead = await().atMost(WAIT)
                .until(() -> deadLetters.recordsWithKey(id), r -> r.size() == 2);
        Map<String, String> headers = TopicProbe.headers(dead.get(0));
        assertEquals(Topics.OCCUPATIONS, headers.get("careergraph-dlt-original-topic"));
        assertEquals("scoring-service", headers.get("careergraph-dlt-consumer-group"));
        assertTrue(headers.containsKey("careergraph-dlt-original-offset"));
        assertTrue(headers.get("careergraph-dlt-error").length() > 0);
        assertEquals("not a cloud event", new String(dead.get(0).value(), StandardCharsets.UTF_8));
        assertEquals(unbindable, TopicProbe.header(dead.get(1), "ce_id"));

        assertEquals(1, scoreChanges(id, 1).size(), "the good event behind the poison ones is processed");
    }

    @Test
    @SuppressWarnings("unchecked")
    void rankingsSortByTheDimensionAndRefuseWhatTheyDoNotKnow() {
        String low = TestInfrastructure.uniqueId("anzsco");
        String high = TestInfrastructure.uniqueId("anzsco");
        ScoringEvents fixtures = new ScoringEvents(json);
        events.publish(EventType.OCCUPATION_CHANGED, low, fixtures.occupationWith(low, "shortestEducationYears", 7));
        events.publish(EventType.OCCUPATION_CHANGED, high, fixtures.occupationWith(high, "shortestEducationYears", 0));
        String archived = TestInfrastructure.uniqueId("anzsco");
        events.publish(EventType.OCCUPATION_CHANGED, archived, fixtures.fixture(EventType.OCCUPATION_CHANGED, archived,
                e -> {
                    Map<String, Object> facts = (Map<String, Object>) e.get("occupation");
                    facts.put("shortestEducationYears", 0);
                    facts.put("archived", true);
                }));
        scoreChanges(low, 1);
        scoreChanges(high, 1);
        scoreChanges(archived, 1);

        Map<?, ?> ranking = http.toBlocking().retrieve(HttpRequest.GET(
                "/api/rankings?dimension=learningDuration&codeSystem=anzsco&limit=100"), Map.class);
        assertEquals("learningDuration", ranking.get("dimension"));
        assertEquals("ANZSCO", ranking.get("codeSystem"));
        List<?> ids = ((List<?>) ranking.get("entries")).stream().map(e -> ((Map<?, ?>) e).get("occupationId"))
                .toList();
        assertEquals(0, ids.indexOf(high), "10 - 1.25 x mean(0, 2, 0.5, 0) = 9.2 ranks first: " + ids);
        assertTrue(ids.indexOf(low) > ids.indexOf(high));
        assertFalse(ids.contains(archived), "an archived page keeps its score but leaves the rankings");
        Map<?, ?> top = (Map<?, ?>) ((List<?>) ranking.get("entries")).get(0);
        assertEquals(1, top.get("rank"));
        assertEquals(9.2, ((Number) top.get("value")).doubleValue());

        assertEquals(List.of("dimension"), problemFields("/api/rankings?dimension=happiness"));
        assertEquals(List.of("codeSystem"), problemFields("/api/rankings?codeSystem=XYZ"));
        assertEquals(List.of("limit"), problemFields("/api/rankings?limit=0"));
    }

    @Test
    void anUnknownOccupationHasNoScoreAndNoHistory() {
        for (String path : List.of("/api/scores/anzsco-000001", "/api/scores/anzsco-000001/history")) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                    () -> http.toBlocking().exchange(HttpRequest.GET(path)));
            assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
            assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        }
    }

    private List<?> problemFields(String path) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET(path)));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        Map<?, ?> problem = e.getResponse().getBody(Map.class).orElseThrow();
        return ((List<?>) problem.get("errors")).stream().map(f -> ((Map<?, ?>) f).get("field")).toList();
    }

    private static Map<?, ?> dimension(Map<?, ?> explanation, String key) {
        return ((List<?>) explanation.get("dimensions")).stream().map(d -> (Map<?, ?>) d)
                .filter(d -> key.equals(d.get("dimension"))).findFirst().orElseThrow();
    }

    private List<ScoreChanged> scoreChanges(String id, int atLeast) {
        return new ScoringEvents(json).scoreChanges(await().atMost(WAIT)
                .until(() -> scoreEvents.recordsWithKey(id), r -> r.size() >= atLeast));
    }
}

package org.careergraph.scoring.score;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careergraph.events.EventFixtures;
import org.careergraph.events.EventType;
import org.careergraph.events.ScoreChanged;
import org.careergraph.events.Topics;
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
        Map<String, String> props = new HashMap<>(TestInfrastructure.serviceProperties("scoring"));
        props.put("careergraph.kafka.consumer.initial-backoff", "20ms");
        return props;
    }

    @AfterAll
    void close() {
        events.close();
        scoreEvents.close();
        deadLetters.close();
    }

    @Test
    void aNewOccupationIsScoredAndAGreenListMoveChangesPrFriendlinessOnly() throws IOException {
        String id = TestInfrastructure.uniqueId("anzsco");
        events.publish(EventType.OCCUPATION_CHANGED, id, EventFixtures.json(EventType.OCCUPATION_CHANGED, id));

        ScoreChanged first = scoreChanges(id, 1).get(0);
        assertNull(first.before());
        // fixture: mid band 60,000-75,000 NZD -> 67,500 / 69,804.80 = 0.967 -> income 4.8; off the list -> 3.0
        assertEquals(new BigDecimal("4.8"), first.after().dimensions().get("income"));
        assertEquals(new BigDecimal("3.0"), first.after().dimensions().get("prFriendliness"));
        assertEquals(new BigDecimal("3.9"), first.after().overall());

        events.publish(EventType.IMMIGRATION_STATUS_CHANGED, id,
                EventFixtures.json(EventType.IMMIGRATION_STATUS_CHANGED, id));
        ScoreChanged moved = scoreChanges(id, 2).get(1);
        assertEquals(0, new BigDecimal("3.0").compareTo(moved.before().dimensions().get("prFriendliness")));
        assertEquals(new BigDecimal("10.0"), moved.after().dimensions().get("prFriendliness"));
        assertEquals(0, moved.before().dimensions().get("income").compareTo(moved.after().dimensions().get("income")));
        assertEquals(EventType.IMMIGRATION_STATUS_CHANGED.type(), moved.causeEventType());
        assertTrue(moved.reason().contains("Green List Tier 2 -> Tier 1 from 2026-12-01"), moved.reason());
        // What consumers test against: the published payload has the fields of the contract's fixture.
        Map<?, ?> published = json.readValue(scoreEvents.recordsWithKey(id).get(1).value(), Map.class);
        Map<?, ?> fixture = json.readValue(EventFixtures.json(EventType.SCORE_CHANGED), Map.class);
        assertEquals(fixture.keySet(), published.keySet());

        Map<?, ?> stored = http.toBlocking().retrieve(HttpRequest.GET("/api/scores/" + id), Map.class);
        assertEquals(7.4, ((Number) stored.get("overall")).doubleValue(), "(4.8 + 10.0) / 2");
        assertTrue(((String) stored.get("explanation")).contains("Green List Tier 1 -> 10.0"));
    }

    @Test
    void redeliveredAndNoChangeEventsPublishNothing() throws IOException {
        String id = TestInfrastructure.uniqueId("anzsco");
        String occupationJson = EventFixtures.json(EventType.OCCUPATION_CHANGED, id);
        String eventId = events.publish(EventType.OCCUPATION_CHANGED, id, occupationJson);
        events.publish(eventId, EventType.OCCUPATION_CHANGED, id, occupationJson);
        // A new event with the same facts: recomputed, but the score does not change.
        events.publish(EventType.OCCUPATION_CHANGED, id, occupationJson);
        // Then a real change, whose score event comes after anything the three above could have caused.
        events.publish(EventType.IMMIGRATION_STATUS_CHANGED, id,
                EventFixtures.json(EventType.IMMIGRATION_STATUS_CHANGED, id));

        await().atMost(WAIT).until(() -> scoreEvents.recordsWithKey(id).size() >= 2);
        assertEquals(2, scoreChanges(id, 2).size(), "one score for the occupation, one for the tier move");
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
    void anUnknownOccupationHasNoScore() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/scores/anzsco-000001")));
        assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
    }

    private List<ScoreChanged> scoreChanges(String id, int atLeast) {
        return await().atMost(WAIT).until(() -> scoreEvents.recordsWithKey(id), r -> r.size() >= atLeast).stream()
                .map(r -> read(r.value())).toList();
    }

    private ScoreChanged read(byte[] value) {
        try {
            return json.readValue(value, ScoreChanged.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

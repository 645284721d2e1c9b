package org.careergraph.scoring;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudevents.CloudEvent;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careergraph.events.EventFixtures;
import org.careergraph.events.EventType;
import org.careergraph.events.Topics;
import org.careergraph.testsupport.TestEvents;
import org.careergraph.testsupport.TestInfrastructure;
import org.careergraph.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Poison records on the topics the scoring service consumes (occupations, immigration statuses): dead-lettered by its
 * group with where they came from and why, the partition moves on, and an admin lists them and replays one after a
 * fix through {@code /api/scoring/dead-letters}.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadLettersIT implements TestPropertyProvider {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String GROUP = "scoring-service";
    private static final String API = "/api/scoring/dead-letters";
    private static final String ADMIN = TestInfrastructure.token("ADMIN");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    JdbcOperations jdbc;

    private final String kafka = TestInfrastructure.kafkaBootstrapServers();
    private final TestEvents events = TestEvents.connect(kafka);
    private final TopicProbe scoreEvents = TopicProbe.open(kafka, Topics.SCORES);
    private final Map<String, TopicProbe> probes = new HashMap<>();

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
        probes.values().forEach(TopicProbe::close);
    }

    @Test
    void aPoisonRecordOnEachConsumedTopicIsDeadLetteredListedAndThePartitionMovesOn() {
        for (EventType type : List.of(EventType.OCCUPATION_CHANGED, EventType.IMMIGRATION_STATUS_CHANGED)) {
            String key = TestInfrastructure.uniqueId("anzsco");
            events.publishRaw(type.topic(), key, "not a cloud event".getBytes(StandardCharsets.UTF_8));
            String unbindable = events.publish(type, key, "{\"occupationId\": ");
            String good = events.publish(type, key, EventFixtures.json(type, key));

            List<ConsumerRecord<String, byte[]>> sent = await().atMost(WAIT)
                    .until(() -> probe(type.topic()).recordsWithKey(key), r -> r.size() == 3);
            List<ConsumerRecord<String, byte[]>> dead = await().atMost(WAIT)
                    .until(() -> probe(Topics.deadLetter(type.topic())).recordsWithKey(key), r -> r.size() == 2);
            for (int i = 0; i < 2; i++) {
                Map<String, String> headers = TopicProbe.headers(dead.get(i));
                assertEquals(type.topic(), headers.get("careergraph-dlt-original-topic"));
                assertEquals(String.valueOf(sent.get(i).partition()), headers.get("careergraph-dlt-original-partition"));
                assertEquals(String.valueOf(sent.get(i).offset()), headers.get("careergraph-dlt-original-offset"));
                assertEquals(GROUP, headers.get("careergraph-dlt-consumer-group"));
                assertTrue(headers.get("careergraph-dlt-error").length() > 0);
            }
            assertEquals("not a cloud event", new String(dead.get(0).value(), StandardCharsets.UTF_8));
            assertEquals(unbindable, TopicProbe.header(dead.get(1), "ce_id"));

            await().atMost(WAIT).until(() -> processed(good) == 1);

            List<Map<String, Object>> listed = await().atMost(WAIT)
                    .until(() -> listedWithKey("NEW", key), l -> l.size() == 2);
            assertEquals(unbindable, listed.get(0).get("eventId"), "newest first");
            assertEquals(type.type(), listed.get(0).get("eventType"));
            assertEquals(type.topic(), listed.get(1).get("originalTopic"));
            assertEquals(GROUP, listed.get(1).get("consumerGroup"));
            assertTrue(listed.get(1).get("error").toString().contains("CloudEvent"), "" + listed.get(1));
        }
    }

    @Test
    void aDeadLetterWhoseHandlerFailedIsReplayedOnceAfterTheFix() {
        String key = TestInfrastructure.uniqueId("anzsco");
        // As the consumer dead-letters an event whose handler kept failing (before a fix): unchanged, with headers.
        String eventId = events.publishDeadLetter(EventType.OCCUPATION_CHANGED, key,
                EventFixtures.json(EventType.OCCUPATION_CHANGED, key), GROUP);
        Map<String, Object> listed = await().atMost(WAIT).until(() -> listedWithKey("NEW", key), l -> l.size() == 1)
                .get(0);
        assertEquals(eventId, listed.get("eventId"));
        assertEquals(0, scoreEvents.recordsWithKey(key).size());
        String path = API + "/" + listed.get("id");

        Map<String, Object> replayed = call(HttpRequest.POST(path + "/replay", ""));
        assertEquals("REPLAYED", replayed.get("state"));
        assertEquals("admin@test", replayed.get("replayedBy"));
        await().atMost(WAIT).until(() -> scoreEvents.recordsWithKey(key).size() == 1);
        assertEquals(key, call(HttpRequest.GET("/api/scores/" + key)).get("occupationId"));

        Map<String, Object> again = call(HttpRequest.POST(path + "/replay", ""));
        assertEquals("REPLAYED", again.get("state"));
        assertEquals(1, processed(eventId));
        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> scoreEvents.recordsWithKey(key).size() == 1);

        // A record that still cannot be read is refused, and stays listed.
        String poison = TestInfrastructure.uniqueId("anzsco");
        events.publishRaw(Topics.IMMIGRATION_STATUSES, poison, "not a cloud event".getBytes(StandardCharsets.UTF_8));
        Object poisonId = await().atMost(WAIT).until(() -> listedWithKey("NEW", poison), l -> l.size() == 1).get(0)
                .get("id");
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> call(HttpRequest.POST(API + "/" + poisonId + "/replay", "")));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
        assertEquals("application/problem+json", refused.getResponse().getContentType().orElseThrow().toString());
        assertEquals(1, listedWithKey("NEW", poison).size());
    }


    private long processed(String eventId) {
        return jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT COUNT(*) FROM processed_event WHERE event_id = ?")) {
                statement.setString(1, eventId);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private TopicProbe probe(String topic) {
        return probes.computeIfAbsent(topic, t -> TopicProbe.open(kafka, t));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> listedWithKey(String state, String key) {
        Map<String, Object> page = call(HttpRequest.GET(API + "?size=100&state=" + state));
        return ((List<Map<String, Object>>) page.get("items")).stream().filter(d -> key.equals(d.get("key"))).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> call(MutableHttpRequest<?> request) {
        return http.toBlocking().retrieve(request.bearerAuth(ADMIN), Map.class);
    }
}

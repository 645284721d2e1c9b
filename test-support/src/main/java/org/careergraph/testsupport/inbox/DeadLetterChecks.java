package org.careergraph.testsupport.inbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careergraph.events.EventType;
import org.careergraph.events.Topics;
import org.careergraph.testsupport.TestEvents;
import org.careergraph.testsupport.TestInfrastructure;
import org.careergraph.testsupport.TopicProbe;

/**
 * What every service asserts of its dead letters, against the running service: a poison record on a topic it consumes
 * is dead-lettered by its consumer group with where it came from and why, the partition moves on, and an admin lists
 * it at the service's dead-letter API; a dead letter is replayed once, and one that still cannot be read is refused.
 * The service's own part (its topics, its events, what a replay changes) stays in its test.
 */
public final class DeadLetterChecks implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(60);
    public static final String ADMIN = TestInfrastructure.token("ADMIN");

    private final String group;
    private final String api;
    private final HttpClient http;
    private final JdbcOperations jdbc;
    private final String kafka = TestInfrastructure.kafkaBootstrapServers();
    private final TestEvents events = TestEvents.connect(kafka);
    private final Map<String, TopicProbe> probes = new HashMap<>();

    /** A dead letter as listed: its id in the API and the id of its event. */
    public record DeadLetter(Object id, String eventId) {
    }

    /**
     * {@code group}: the service's consumer group; {@code api}: its dead-letter API, e.g.
     * {@code /api/catalog/dead-letters}; {@code http}: a client of the service; {@code jdbc}: its database.
     */
    public DeadLetterChecks(String group, String api, HttpClient http, JdbcOperations jdbc) {
        this.group = group;
        this.api = api;
        this.http = http;
        this.jdbc = jdbc;
    }

    /**
     * Publishes a record that is no CloudEvent, one that does not bind, then {@code goodEvent}, all with {@code key}
     * on the topic of {@code type}: the two are dead-lettered with their origin and error, the good one is processed
     * after them, and the API lists the two, newest first.
     */
    public void assertPoisonIsDeadLetteredListedAndThePartitionMovesOn(EventType type, String key, String goodEvent) {
        events.publishRaw(type.topic(), key, "not a cloud event".getBytes(StandardCharsets.UTF_8));
        String unbindable = events.publish(type, key, "{\"occupationId\": ");
        String good = events.publish(type, key, goodEvent);

        List<ConsumerRecord<String, byte[]>> sent = await().atMost(WAIT)
                .until(() -> probe(type.topic()).recordsWithKey(key), r -> r.size() == 3);
        List<ConsumerRecord<String, byte[]>> dead = await().atMost(WAIT)
                .until(() -> probe(Topics.deadLetter(type.topic())).recordsWithKey(key), r -> r.size() == 2);
        for (int i = 0; i < 2; i++) {
            Map<String, String> headers = TopicProbe.headers(dead.get(i));
            assertEquals(type.topic(), headers.get("careergraph-dlt-original-topic"));
            assertEquals(String.valueOf(sent.get(i).partition()), headers.get("careergraph-dlt-original-partition"));
            assertEquals(String.valueOf(sent.get(i).offset()), headers.get("careergraph-dlt-original-offset"));
            assertEquals(group, headers.get("careergraph-dlt-consumer-group"));
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
        assertEquals(group, listed.get(1).get("consumerGroup"));
        assertTrue(listed.get(1).get("error").toString().contains("CloudEvent"), "" + listed.get(1));
    }

    /**
     * Dead-letters {@code event} as the consumer does one whose handler kept failing (before a fix): unchanged, with
     * headers; returns it once the API lists it.
     */
    public DeadLetter publishFailed(EventType type, String key, String event) {
        String eventId = events.publishDeadLetter(type, key, event, group);
        Map<String, Object> listed = await().atMost(WAIT).until(() -> listedWithKey("NEW", key), l -> l.size() == 1)
                .get(0);
        assertEquals(eventId, listed.get("eventId"));
        return new DeadLetter(listed.get("id"), eventId);
    }

    /** An admin replays it: replayed, by the admin. */
    public void replay(DeadLetter deadLetter) {
        Map<String, Object> replayed = call(HttpRequest.POST(api + "/" + deadLetter.id() + "/replay", ""));
        assertEquals("REPLAYED", replayed.get("state"));
        assertEquals("admin@test", replayed.get("replayedBy"));
    }

    /** A second replay answers as the first, and the event stays processed once. */
    public void replayAgain(DeadLetter deadLetter) {
        Map<String, Object> again = call(HttpRequest.POST(api + "/" + deadLetter.id() + "/replay", ""));
        assertEquals("REPLAYED", again.get("state"));
        assertEquals(1, processed(deadLetter.eventId()));
    }

    /** A record that still cannot be read is refused, and stays listed. */
    public void assertAnUnreadableRecordIsRefusedAndStaysListed(String topic, String key) {
        events.publishRaw(topic, key, "not a cloud event".getBytes(StandardCharsets.UTF_8));
        Object poisonId = await().atMost(WAIT).until(() -> listedWithKey("NEW", key), l -> l.size() == 1).get(0)
                .get("id");
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> call(HttpRequest.POST(api + "/" + poisonId + "/replay", "")));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
        assertEquals("application/problem+json", refused.getResponse().getContentType().orElseThrow().toString());
        assertEquals(1, listedWithKey("NEW", key).size());
    }

    /** How often the service has processed the event: its row in {@code processed_event}. */
    public long processed(String eventId) {
        return (Long) queryValue("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", eventId);
    }

    /** The first column of the first row that {@code sql} with one parameter finds in the service's database. */
    public Object queryValue(String sql, String parameter) {
        return jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, parameter);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getObject(1);
                }
            }
        });
    }

    /** The service's answer to {@code request} as an admin. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> call(MutableHttpRequest<?> request) {
        return http.toBlocking().retrieve(request.bearerAuth(ADMIN), Map.class);
    }

    @Override
    public void close() {
        events.close();
        probes.values().forEach(TopicProbe::close);
    }

    private TopicProbe probe(String topic) {
        return probes.computeIfAbsent(topic, t -> TopicProbe.open(kafka, t));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> listedWithKey(String state, String key) {
        Map<String, Object> page = call(HttpRequest.GET(api + "?size=100&state=" + state));
        return ((List<Map<String, Object>>) page.get("items")).stream().filter(d -> key.equals(d.get("key"))).toList();
    }
}

package org.careergraph.platform.inbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Poison records on every topic of the system, consumed as the services consume them: each is dead-lettered with
 * where it came from and why, the partition moves on, the service keeps it, and an admin lists, reads, replays (after
 * a fix) or discards it through the API every service serves.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadLetterInboxIT implements TestPropertyProvider {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String GROUP = "platform-dlt-test";
    private static final String TEST_ONLY_TOPIC = "platform-test-only";
    private static final String API = "/api/platform/dead-letters";
    private static final String ADMIN = TestInfrastructure.token("ADMIN");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    FlakyStatusHandler statuses;

    @Inject
    HandledEvents handled;

    @Inject
    DeadLetterInbox inbox;

    private final String kafka = TestInfrastructure.kafkaBootstrapServers();
    private final TestEvents events = TestEvents.connect(kafka);
    private final TopicProbe derived = TopicProbe.open(kafka, Topics.SCORES);
    private final Map<String, TopicProbe> topics = new HashMap<>();
    private final Map<String, TopicProbe> deadLetterTopics = new HashMap<>();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(TestInfrastructure.serviceProperties("platform"));
        props.put("micronaut.application.name", GROUP);
        props.put("careergraph.kafka.consumer.initial-backoff", "10ms");
        props.put("careergraph.dead-letters.path", API);
        return props;
    }

    @AfterAll
    void close() {
        events.close();
        derived.close();
        topics.values().forEach(TopicProbe::close);
        deadLetterTopics.values().forEach(TopicProbe::close);
    }

    @Test
    void aPoisonRecordOnEveryTopicIsDeadLetteredKeptAndListedAndThePartitionMovesOn() {
        Map<String, String> keys = new HashMap<>();
        Map<String, String> unbindable = new HashMap<>();
        Map<String, String> good = new HashMap<>();
        for (String topic : Topics.ALL) {
            EventType type = typeOf(topic);
            String key = TestInfrastructure.uniqueId("anzsco");
            keys.put(topic, key);
            events.publishRaw(topic, key, "not a cloud event".getBytes(StandardCharsets.UTF_8));
            unbindable.put(topic, events.publish(type, key, "{\"occupationId\": "));
            good.put(topic, events.publish(type, key, EventFixtures.json(type, key)));
        }

        for (String topic : Topics.ALL) {
            String key = keys.get(topic);
            List<ConsumerRecord<String, byte[]>> sent = await().atMost(WAIT)
                    .until(() -> probe(topic).recordsWithKey(key), r -> r.size() == 3);
            List<ConsumerRecord<String, byte[]>> dead = await().atMost(WAIT)
                    .until(() -> deadLetterProbe(topic).recordsWithKey(key), r -> r.size() == 2);
            for (int i = 0; i < 2; i++) {
                Map<String, String> headers = TopicProbe.headers(dead.get(i));
                assertEquals(topic, headers.get("careergraph-dlt-original-topic"), topic);
                assertEquals(String.valueOf(sent.get(i).partition()), headers.get("careergraph-dlt-original-partition"));
                assertEquals(String.valueOf(sent.get(i).offset()), headers.get("careergraph-dlt-original-offset"));
                assertEquals(GROUP, headers.get("careergraph-dlt-consumer-group"));
                assertTrue(headers.get("careergraph-dlt-error").length() > 0, topic);
            }
            assertEquals("not a cloud event", new String(dead.get(0).value(), StandardCharsets.UTF_8));
            assertEquals(unbindable.get(topic), TopicProbe.header(dead.get(1), "ce_id"));

            // The well-formed event behind the two poison records on the same partition was handled.
            if (topic.equals(Topics.IMMIGRATION_STATUSES)) {
                await().atMost(WAIT).until(() -> statuses.attempts.containsKey(key));
                assertEquals(1, statuses.attempts.get(key).get());
            } else {
                await().atMost(WAIT).until(() -> handled.ids.contains(good.get(topic)));
            }

            List<Map<String, Object>> listed = await().atMost(WAIT)
                    .until(() -> listedWithKey("NEW", key), l -> l.size() == 2);
            Map<String, Object> raw = listed.get(1);
            Map<String, Object> cloudEvent = listed.get(0);
            assertEquals(topic, raw.get("originalTopic"));
            assertEquals(GROUP, raw.get("consumerGroup"));
            assertNull(raw.get("eventId"), "not a CloudEvent: no id to show");
            assertEquals(unbindable.get(topic), cloudEvent.get("eventId"), "newest first");
            assertEquals(typeOf(topic).type(), cloudEvent.get("eventType"));
            assertEquals(sent.get(1).offset(), ((Number) cloudEvent.get("originalOffset")).longValue());
            assertTrue(cloudEvent.get("error").toString().length() > 0);
            assertNull(cloudEvent.get("value"), "a listing leaves the record out");
        }
    }

    @Test
    void aDeadLetterWhoseHandlerFailedIsReplayedOnceAfterTheFixAndNeverTwice() {
        String key = TestInfrastructure.uniqueId("anzsco");
        statuses.failuresLeft.put(key, new AtomicInteger(Integer.MAX_VALUE));
        String eventId = events.publish(EventType.IMMIGRATION_STATUS_CHANGED, key,
                EventFixtures.json(EventType.IMMIGRATION_STATUS_CHANGED, key));
        Map<String, Object> listed = await().atMost(WAIT).until(() -> listedWithKey("NEW", key), l -> l.size() == 1)
                .get(0);
        assertEquals(eventId, listed.get("eventId"));
        assertEquals(4, statuses.attempts.get(key).get(), "retried, then dead-lettered");
        String path = API + "/" + listed.get("id");

        // Before the fix: it fails again, says why, and stays as it was.
        HttpClientResponseException failed = assertThrows(HttpClientResponseException.class,
                () -> call(HttpRequest.POST(path + "/replay", "")));
        assertProblem(failed, HttpStatus.CONFLICT, "failing on purpose for " + key);
        assertEquals("NEW", call(HttpRequest.GET(path)).get("state"));
        assertEquals(0, derived.recordsWithKey(key).size());

        statuses.failuresLeft.put(key, new AtomicInteger(0));
        Map<String, Object> replayed = call(HttpRequest.POST(path + "/replay", ""));
        assertEquals("REPLAYED", replayed.get("state"));
        assertEquals("admin@test", replayed.get("replayedBy"));
        assertNotNull(replayed.get("replayedAt"));
        assertEquals(6, statuses.attempts.get(key).get(), "four by the consumer, two replays");
        await().atMost(WAIT).until(() -> derived.recordsWithKey(key).size() == 1);

        Map<String, Object> again = call(HttpRequest.POST(path + "/replay", ""));
        assertEquals("REPLAYED", again.get("state"));
        assertEquals(replayed.get("replayedAt"), again.get("replayedAt"));
        assertEquals(6, statuses.attempts.get(key).get(), "processed already: skipped before the handler");
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> derived.recordsWithKey(key).size() == 1);
        assertEquals(List.of(), listedWithKey("NEW", key));
        assertEquals(1, listedWithKey("REPLAYED", key).size());

        HttpClientResponseException discard = assertThrows(HttpClientResponseException.class,
                () -> call(HttpRequest.POST(path + "/discard", "")));
        assertProblem(discard, HttpStatus.CONFLICT, "nothing to discard");
    }

    @Test
    void aStillMalformedRecordIsRefusedOnReplayStaysListedAndCanBeDiscarded() {
        String key = TestInfrastructure.uniqueId("anzsco");
        events.publishRaw(Topics.OCCUPATIONS, key, "still not a cloud event".getBytes(StandardCharsets.UTF_8));
        String id = String.valueOf(await().atMost(WAIT).until(() -> listedWithKey("NEW", key), l -> l.size() == 1)
                .get(0).get("id"));

        Map<String, Object> one = call(HttpRequest.GET(API + "/" + id));
        assertEquals("still not a cloud event", one.get("value"));
        assertEquals(23, ((Number) one.get("valueSize")).intValue());
        assertEquals(false, one.get("truncated"));
        assertEquals(Topics.deadLetter(Topics.OCCUPATIONS), one.get("deadLetterTopic"));
        List<?> headers = (List<?>) one.get("headers");
        assertTrue(headers.contains(Map.of("name", "careergraph-dlt-consumer-group", "value", GROUP)), "" + headers);
        assertTrue(one.get("error").toString().length() > 0);

        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> call(HttpRequest.POST(API + "/" + id + "/replay", "")));
        assertProblem(refused, HttpStatus.UNPROCESSABLE_ENTITY, "still cannot be read");
        assertEquals(1, listedWithKey("NEW", key).size(), "still listed, unchanged");

        Map<String, Object> discarded = call(HttpRequest.POST(API + "/" + id + "/discard", ""));
        assertEquals("DISCARDED", discarded.get("state"));
        assertEquals("admin@test", discarded.get("discardedBy"));
        assertEquals(List.of(), listedWithKey("NEW", key));
        assertEquals(1, listedWithKey("DISCARDED", key).size());
        assertEquals(1, listedWithKey(null, key).size(), "every state");
    }

    @Test
    void theInboxKeepsOnlyItsOwnGroupsDeadLettersAndEachOnce() {
        String key = TestInfrastructure.uniqueId("anzsco");
        ConsumerRecord<String, byte[]> ours = deadLetter(7, key, GROUP);
        ConsumerRecord<String, byte[]> theirs = deadLetter(8, key, "another-service");

        inbox.keep(List.of(ours, theirs));
        inbox.keep(List.of(ours));
        // The same record dead-lettered again by a consumer that crashed before committing past it.
        inbox.keep(List.of(deadLetter(9, key, GROUP)));

        List<Map<String, Object>> kept = listedWithKey(null, key);
        assertEquals(1, kept.size(), "" + kept);
        assertEquals(7, ((Number) kept.get(0).get("deadLetterOffset")).intValue());
        assertEquals(TEST_ONLY_TOPIC, kept.get(0).get("originalTopic"));
        assertEquals(12, ((Number) kept.get(0).get("originalOffset")).intValue());
    }

    @Test
    void onlyAdminsSeeDeadLettersAndBadRequestsAreProblems() {
        assertEquals(HttpStatus.UNAUTHORIZED, assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET(API))).getStatus());
        assertEquals(HttpStatus.FORBIDDEN, assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET(API).bearerAuth(TestInfrastructure.token("EDITOR"))))
                .getStatus());
        assertProblem(assertThrows(HttpClientResponseException.class,
                () -> call(HttpRequest.POST(API + "/999999999/replay", ""))), HttpStatus.NOT_FOUND, "No dead letter");
        assertProblem(assertThrows(HttpClientResponseException.class,
                () -> call(HttpRequest.GET(API + "?state=LOST"))), HttpStatus.BAD_REQUEST, "");
        assertProblem(assertThrows(HttpClientResponseException.class,
                () -> call(HttpRequest.GET(API + "?size=101"))), HttpStatus.BAD_REQUEST, "");
    }

    private static EventType typeOf(String topic) {
        for (EventType type : EventType.values()) {
            if (type.topic().equals(topic)) {
                return type;
            }
        }
        throw new IllegalArgumentException(topic);
    }

    private static ConsumerRecord<String, byte[]> deadLetter(long offset, String key, String group) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(TEST_ONLY_TOPIC + ".dlt", 0, offset, key,
                "{}".getBytes(StandardCharsets.UTF_8));
        // A topic nothing else writes to: a real dead letter from the same place (this JVM's other tests fill the
        // real topics) would be the same dead letter to the inbox, and this one would not be kept.
        record.headers().add(DeadLetters.ORIGINAL_TOPIC, TEST_ONLY_TOPIC.getBytes(StandardCharsets.UTF_8));
        record.headers().add(DeadLetters.ORIGINAL_PARTITION, "1".getBytes(StandardCharsets.UTF_8));
        record.headers().add(DeadLetters.ORIGINAL_OFFSET, "12".getBytes(StandardCharsets.UTF_8));
        record.headers().add(DeadLetters.CONSUMER_GROUP, group.getBytes(StandardCharsets.UTF_8));
        record.headers().add(DeadLetters.ERROR, "java.lang.IllegalStateException: x".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private TopicProbe probe(String topic) {
        return topics.computeIfAbsent(topic, t -> TopicProbe.open(kafka, t));
    }

    private TopicProbe deadLetterProbe(String topic) {
        return deadLetterTopics.computeIfAbsent(topic, t -> TopicProbe.open(kafka, Topics.deadLetter(t)));
    }

    /** The dead letters of one key in a state (null: any), newest first, as the API lists them. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> listedWithKey(String state, String key) {
        Map<String, Object> page = call(HttpRequest.GET(API + "?size=100" + (state == null ? "" : "&state=" + state)));
        return ((List<Map<String, Object>>) page.get("items")).stream().filter(d -> key.equals(d.get("key"))).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> call(MutableHttpRequest<?> request) {
        return http.toBlocking().retrieve(request.bearerAuth(ADMIN), Map.class);
    }

    private static void assertProblem(HttpClientResponseException e, HttpStatus status, String detailPart) {
        assertEquals(status, e.getStatus(), e.getResponse().getBody(String.class).orElse(""));
        assertEquals("application/problem+json", e.getResponse().getContentType().map(Object::toString).orElse(""));
        String body = e.getResponse().getBody(String.class).orElse("");
        assertTrue(body.contains(detailPart), body);
    }
}

package org.careergraph.platform.inbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.careergraph.events.EventFixtures;
import org.careergraph.events.EventType;
import org.careergraph.events.Score;
import org.careergraph.events.ScoreChanged;
import org.careergraph.events.Topics;
import org.careergraph.platform.outbox.Outbox;
import org.careergraph.testsupport.TestEvents;
import org.careergraph.testsupport.TestInfrastructure;
import org.careergraph.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The outbox and the idempotent consumer, exercised together against a real broker and database. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventConsumerIT implements TestPropertyProvider {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    FlakyStatusHandler handler;

    @Inject
    HandledEvents handled;

    @Inject
    ProcessedEventRepository processed;

    @Inject
    Outbox outbox;

    @Inject
    TransactionOperations<Connection> transactions;

    private final String kafka = TestInfrastructure.kafkaBootstrapServers();
    private final TestEvents events = TestEvents.connect(kafka);
    private final TopicProbe published = TopicProbe.open(kafka, Topics.SCORES);
    private final TopicProbe deadLetters = TopicProbe.open(kafka, Topics.deadLetter(Topics.IMMIGRATION_STATUSES));

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(TestInfrastructure.serviceProperties("platform"));
        props.put("micronaut.application.name", "platform-test");
        props.put("careergraph.kafka.consumer.initial-backoff", "10ms");
        return props;
    }

    @AfterAll
    void close() {
        events.close();
        published.close();
        deadLetters.close();
    }

    @Test
    void anEventThatFailsTwiceIsHandledOnceAndItsFailedAttemptsLeaveNothing() {
        String id = TestInfrastructure.uniqueId("anzsco");
        handler.failuresLeft.put(id, new AtomicInteger(2));
        events.publish(EventType.IMMIGRATION_STATUS_CHANGED, id,
                EventFixtures.json(EventType.IMMIGRATION_STATUS_CHANGED, id));

        await().atMost(WAIT).until(() -> published.recordsWithKey(id).size() == 1);
        assertEquals(3, handler.attempts.get(id).get());
        // Anything the two failed attempts wrote to the outbox was rolled back with them.
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> published.recordsWithKey(id).size() == 1);
    }

    @Test
    void aRedeliveredEventIsHandledOnce() {
        String id = TestInfrastructure.uniqueId("anzsco");
        String json = EventFixtures.json(EventType.IMMIGRATION_STATUS_CHANGED, id);
        String eventId = events.publish(EventType.IMMIGRATION_STATUS_CHANGED, id, json);
        events.publish(eventId, EventType.IMMIGRATION_STATUS_CHANGED, id, json);
        events.publish(EventType.IMMIGRATION_STATUS_CHANGED, id, json);

        await().atMost(WAIT).until(() -> published.recordsWithKey(id).size() == 2);
        assertEquals(2, handler.attempts.get(id).get(), "the redelivery was skipped before reaching the handler");
    }

    @Test
    void anOlderRevisionThanOneHandledIsRecordedButNotHandledAndAnEqualOrNewerOneIs() {
        String id = TestInfrastructure.uniqueId("anzsco");
        String third = events.publish(EventType.OCCUPATION_CHANGED, id, revision(id, 3));
        String second = events.publish(EventType.OCCUPATION_CHANGED, id, revision(id, 2));
        String thirdAgain = events.publish(EventType.OCCUPATION_CHANGED, id, revision(id, 3));
        String fourth = events.publish(EventType.OCCUPATION_CHANGED, id, revision(id, 4));

        await().atMost(WAIT).until(() -> handled.ids.contains(fourth));
        assertTrue(handled.ids.contains(third));
        assertTrue(handled.ids.contains(thirdAgain), "the same revision again says the same facts");
        assertFalse(handled.ids.contains(second), "revision 2 came after revision 3");
        assertTrue(processed.existsById(second), "the skipped revision is processed: a redelivery is not looked at");
    }

    private static String revision(String occupationId, int revision) {
        String json = EventFixtures.json(EventType.OCCUPATION_CHANGED, occupationId);
        assertTrue(json.contains("\"revision\": 2,"), "the fixture's revision");
        return json.replace("\"revision\": 2,", "\"revision\": " + revision + ",");
    }

    @Test
    void anEventThatKeepsFailingIsDeadLetteredAfterTheBoundedRetries() {
        String id = TestInfrastructure.uniqueId("anzsco");
        handler.failuresLeft.put(id, new AtomicInteger(Integer.MAX_VALUE));
        String eventId = events.publish(EventType.IMMIGRATION_STATUS_CHANGED, id,
                EventFixtures.json(EventType.IMMIGRATION_STATUS_CHANGED, id));

        var dead = await().atMost(WAIT).until(() -> deadLetters.recordsWithKey(id), r -> r.size() == 1).get(0);
        assertEquals(eventId, TopicProbe.header(dead, "ce_id"));
        assertEquals("platform-test", TopicProbe.header(dead, "careergraph-dlt-consumer-group"));
        assertEquals(4, handler.attempts.get(id).get(), "four attempts, then the dead-letter topic");
        assertEquals(0, published.recordsWithKey(id).size());
    }

    @Test
    void theOutboxPublishesWhatCommitsAndNothingOfWhatRollsBack() {
        String committed = TestInfrastructure.uniqueId("anzsco");
        String rolledBack = TestInfrastructure.uniqueId("anzsco");
        transactions.executeWrite(status -> outbox.add(score(committed)));
        assertThrows(IllegalStateException.class, () -> transactions.executeWrite(status -> {
            outbox.add(score(rolledBack));
            throw new IllegalStateException("the business write failed");
        }));

        var record = await().atMost(WAIT).until(() -> published.recordsWithKey(committed), r -> r.size() == 1).get(0);
        assertEquals(EventType.SCORE_CHANGED.type(), TopicProbe.header(record, "ce_type"));
        assertEquals("/careergraph/platform-test", TopicProbe.header(record, "ce_source"));
        assertEquals(committed, TopicProbe.header(record, "ce_subject"));
        assertEquals("application/json", TopicProbe.header(record, "content-type"));
        assertEquals(0, published.recordsWithKey(rolledBack).size());
    }

    @Test
    void theOutboxRefusesToWorkOutsideATransaction() {
        assertThrows(RuntimeException.class, () -> outbox.add(score(TestInfrastructure.uniqueId("anzsco"))));
    }

    private static ScoreChanged score(String id) {
        return new ScoreChanged(id, "test", null, new Score(BigDecimal.TEN, Map.of()), "test", "cause", "test");
    }
}

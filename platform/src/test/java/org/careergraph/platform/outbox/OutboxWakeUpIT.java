package org.careergraph.platform.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.careergraph.events.Score;
import org.careergraph.events.ScoreChanged;
import org.careergraph.events.Topics;
import org.careergraph.testsupport.TestInfrastructure;
import org.careergraph.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The relay publishes what a commit added to the outbox without waiting for its next poll: here it never polls (its
 * first poll is an hour away), so only the wake-up after each commit can publish.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxWakeUpIT implements TestPropertyProvider {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    TransactionOperations<Connection> transactions;

    private final TopicProbe published = TopicProbe.open(TestInfrastructure.kafkaBootstrapServers(), Topics.SCORES);

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(TestInfrastructure.serviceProperties("platform_wake_up"));
        props.put("micronaut.application.name", "platform-wake-up-test");
        props.put("careergraph.outbox.initial-delay", "1h");
        props.put("careergraph.outbox.poll-interval", "1h");
        return props;
    }

    @AfterAll
    void close() {
        published.close();
    }

    @Test
    void eachCommitWakesTheRelay() {
        for (int i = 0; i < 3; i++) {
            String id = TestInfrastructure.uniqueId("anzsco");
            transactions.executeWrite(status -> outbox.add(score(id)));

            await().atMost(WAIT).until(() -> published.recordsWithKey(id).size() == 1);
        }
    }

    @Test
    void aBatchOfEventsWakesItToo() {
        String first = TestInfrastructure.uniqueId("anzsco");
        String second = TestInfrastructure.uniqueId("anzsco");

        transactions.executeWrite(status -> {
            outbox.addAll(List.of(score(first), score(second)));
            return null;
        });

        await().atMost(WAIT).until(() -> published.recordsWithKey(first).size() == 1
                && published.recordsWithKey(second).size() == 1);
    }

    @Test
    void sentRowsAreDeletedOnceOlderThanTheRetentionAndNoOthers() throws Exception {
        String old = TestInfrastructure.uniqueId("anzsco");
        String recent = TestInfrastructure.uniqueId("anzsco");
        String unsent = TestInfrastructure.uniqueId("anzsco");
        transactions.executeWrite(status -> {
            outbox.addAll(List.of(score(old), score(recent)));
            return null;
        });
        await().atMost(WAIT).until(() -> published.recordsWithKey(old).size() == 1
                && published.recordsWithKey(recent).size() == 1);
        transactions.executeWrite(status -> {
            try (var sentLongAgo = status.getConnection().prepareStatement("UPDATE outbox_event"
                    + " SET sent_at = CURRENT_TIMESTAMP(3) - INTERVAL 8 DAY WHERE aggregateid = ?");
                 var neverSent = status.getConnection().prepareStatement("INSERT INTO outbox_event"
                    + " (id, aggregatetype, aggregateid, type, payload, created_at) VALUES"
                    + " (UUID(), 'test', ?, 'test', '{}', CURRENT_TIMESTAMP(3) - INTERVAL 9 DAY)")) {
                sentLongAgo.setString(1, old);
                sentLongAgo.executeUpdate();
                neverSent.setString(1, unsent);
                return neverSent.executeUpdate();
            }
        });

        relay.deleteSentRows();

        assertEquals(List.of(recent, unsent), transactions.executeRead(status -> {
            try (var rows = status.getConnection().prepareStatement("SELECT aggregateid FROM outbox_event"
                    + " WHERE aggregateid IN (?, ?, ?) ORDER BY seq")) {
                rows.setString(1, old);
                rows.setString(2, recent);
                rows.setString(3, unsent);
                var result = rows.executeQuery();
                List<String> ids = new java.util.ArrayList<>();
                while (result.next()) {
                    ids.add(result.getString(1));
                }
                return ids;
            }
        }), "the row sent 8 days ago is gone (7 d retention); the one sent now and the unsent one stay");
    }

    private static ScoreChanged score(String id) {
        return new ScoreChanged(id, "test", null, new Score(BigDecimal.TEN, Map.of()), "test", "cause", "test");
    }
}

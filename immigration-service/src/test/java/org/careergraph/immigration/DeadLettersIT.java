package org.careergraph.immigration;

import org.careergraph.testsupport.TestOccupations;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.careergraph.events.EventType;
import org.careergraph.events.Topics;
import org.careergraph.testsupport.TestInfrastructure;
import org.careergraph.testsupport.TopicProbe;
import org.careergraph.testsupport.inbox.DeadLetterChecks;
import org.careergraph.testsupport.inbox.DeadLetterChecks.DeadLetter;
import org.careergraph.testsupport.inbox.DeadLettersTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Poison records on the topic the immigration service consumes (occupations): dead-lettered by its group with where
 * they came from and why, the partition moves on, and an admin lists them and replays one after a fix through
 * {@code /api/immigration/dead-letters}.
 */
@MicronautTest(transactional = false)
class DeadLettersIT extends DeadLettersTest {

    @Inject
    JsonMapper json;

    private final TopicProbe statusEvents = TopicProbe.open(TestInfrastructure.kafkaBootstrapServers(),
            Topics.IMMIGRATION_STATUSES);

    DeadLettersIT() {
        super("immigration", "immigration-service", "/api/immigration/dead-letters");
    }

    @AfterAll
    void close() {
        statusEvents.close();
    }

    @Test
    void aPoisonRecordOnEachConsumedTopicIsDeadLetteredListedAndThePartitionMovesOn() {
        for (EventType type : List.of(EventType.OCCUPATION_CHANGED)) {
            String code = TestOccupations.uniqueCode();
            String key = TestOccupations.id(code);
            deadLetters.assertPoisonIsDeadLetteredListedAndThePartitionMovesOn(type, key,
                    TestOccupations.occupationChanged(json, key, code, 1, "Community Services Worker"));
        }
    }

    @Test
    void aDeadLetterWhoseHandlerFailedIsReplayedOnceAfterTheFix() {
        String code = TestOccupations.uniqueCode();
        String key = TestOccupations.id(code);
        DeadLetter failed = deadLetters.publishFailed(EventType.OCCUPATION_CHANGED, key,
                TestOccupations.occupationChanged(json, key, code, 1, "Community Services Worker"));
        assertEquals(0, statusEvents.recordsWithKey(key).size());

        deadLetters.replay(failed);
        // The occupation is known and has its first status: published once.
        await().atMost(DeadLetterChecks.WAIT).until(() -> statusEvents.recordsWithKey(key).size() == 1);
        assertEquals(key, deadLetters.call(HttpRequest.GET("/api/immigration/occupations/" + key + "/status"))
                .get("occupationId"));

        deadLetters.replayAgain(failed);
        await().during(Duration.ofSeconds(1)).atMost(DeadLetterChecks.WAIT)
                .until(() -> statusEvents.recordsWithKey(key).size() == 1);

        deadLetters.assertAnUnreadableRecordIsRefusedAndStaysListed(Topics.OCCUPATIONS,
                TestOccupations.id(TestOccupations.uniqueCode()));
    }
}

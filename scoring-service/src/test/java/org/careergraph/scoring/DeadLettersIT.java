package org.careergraph.scoring;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.careergraph.events.EventFixtures;
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
 * Poison records on the topics the scoring service consumes (occupations, immigration statuses): dead-lettered by its
 * group with where they came from and why, the partition moves on, and an admin lists them and replays one after a
 * fix through {@code /api/scoring/dead-letters}.
 */
@MicronautTest(transactional = false)
class DeadLettersIT extends DeadLettersTest {

    private final TopicProbe scoreEvents = TopicProbe.open(TestInfrastructure.kafkaBootstrapServers(), Topics.SCORES);

    DeadLettersIT() {
        super("scoring", "scoring-service", "/api/scoring/dead-letters");
    }

    @Override
    protected Map<String, String> moreProperties() {
        return TestScoring.FAST_RETRIES;
    }

    @AfterAll
    void close() {
        scoreEvents.close();
    }

    @Test
    void aPoisonRecordOnEachConsumedTopicIsDeadLetteredListedAndThePartitionMovesOn() {
        for (EventType type : List.of(EventType.OCCUPATION_CHANGED, EventType.IMMIGRATION_STATUS_CHANGED)) {
            String key = TestInfrastructure.uniqueId("anzsco");
            deadLetters.assertPoisonIsDeadLetteredListedAndThePartitionMovesOn(type, key, EventFixtures.json(type, key));
        }
    }

    @Test
    void aDeadLetterWhoseHandlerFailedIsReplayedOnceAfterTheFix() {
        String key = TestInfrastructure.uniqueId("anzsco");
        DeadLetter failed = deadLetters.publishFailed(EventType.OCCUPATION_CHANGED, key,
                EventFixtures.json(EventType.OCCUPATION_CHANGED, key));
        assertEquals(0, scoreEvents.recordsWithKey(key).size());

        deadLetters.replay(failed);
        await().atMost(DeadLetterChecks.WAIT).until(() -> scoreEvents.recordsWithKey(key).size() == 1);
        assertEquals(key, deadLetters.call(HttpRequest.GET("/api/scores/" + key)).get("occupationId"));

        deadLetters.replayAgain(failed);
        await().during(Duration.ofSeconds(1)).atMost(DeadLetterChecks.WAIT)
                .until(() -> scoreEvents.recordsWithKey(key).size() == 1);

        deadLetters.assertAnUnreadableRecordIsRefusedAndStaysListed(Topics.IMMIGRATION_STATUSES,
                TestInfrastructure.uniqueId("anzsco"));
    }
}

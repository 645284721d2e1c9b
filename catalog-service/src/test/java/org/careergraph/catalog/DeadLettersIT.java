package org.careergraph.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.careergraph.events.EventFixtures;
import org.careergraph.events.EventType;
import org.careergraph.events.Topics;
import org.careergraph.testsupport.TestInfrastructure;
import org.careergraph.testsupport.inbox.DeadLetterChecks;
import org.careergraph.testsupport.inbox.DeadLetterChecks.DeadLetter;
import org.careergraph.testsupport.inbox.DeadLettersTest;
import org.junit.jupiter.api.Test;

/**
 * Poison records on the topics the catalog consumes (scores, immigration statuses): dead-lettered by its group with
 * where they came from and why, the partition moves on, and an admin lists them and replays one after a fix through
 * {@code /api/catalog/dead-letters}.
 */
@MicronautTest(transactional = false)
class DeadLettersIT extends DeadLettersTest {

    DeadLettersIT() {
        super("catalog", "catalog-service", "/api/catalog/dead-letters");
    }

    @Test
    void aPoisonRecordOnEachConsumedTopicIsDeadLetteredListedAndThePartitionMovesOn() {
        for (EventType type : List.of(EventType.SCORE_CHANGED, EventType.IMMIGRATION_STATUS_CHANGED)) {
            String key = TestInfrastructure.uniqueId("anzsco");
            deadLetters.assertPoisonIsDeadLetteredListedAndThePartitionMovesOn(type, key, EventFixtures.json(type, key));
        }
    }

    @Test
    void aDeadLetterWhoseHandlerFailedIsReplayedOnceAfterTheFix() {
        String code = String.valueOf(100_000 + (int) (Math.random() * 899_999));
        String key = "anzsco-" + code;
        http.toBlocking().exchange(HttpRequest.POST("/api/occupations", Map.of("skillLevel", 1, "page", Map.of(
                "title", Map.of("zh", "住屋主任", "en", "Housing Officer"), "codeSystem", "ANZSCO", "code", code)))
                .bearerAuth(DeadLetterChecks.ADMIN));
        DeadLetter failed = deadLetters.publishFailed(EventType.SCORE_CHANGED, key,
                EventFixtures.json(EventType.SCORE_CHANGED, key));
        assertEquals(null, deadLetters.call(HttpRequest.GET("/api/occupations/" + key)).get("score"),
                "not heard of yet");

        deadLetters.replay(failed);
        Map<?, ?> score = (Map<?, ?>) deadLetters.call(HttpRequest.GET("/api/occupations/" + key)).get("score");
        assertEquals(6.8, ((Number) score.get("overall")).doubleValue(), "the page shows the replayed score");
        Object written = signalWrittenAt(key);

        deadLetters.replayAgain(failed);
        assertEquals(written, signalWrittenAt(key), "the score was not applied again");

        deadLetters.assertAnUnreadableRecordIsRefusedAndStaysListed(Topics.SCORES, TestInfrastructure.uniqueId("anzsco"));
    }

    private Object signalWrittenAt(String occupationId) {
        return deadLetters.queryValue("SELECT updated_at FROM occupation_signal WHERE occupation_id = ?", occupationId);
    }
}

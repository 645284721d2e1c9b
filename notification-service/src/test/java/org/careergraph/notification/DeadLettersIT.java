package org.careergraph.notification;

import org.careergraph.testsupport.TestOccupations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import org.careergraph.events.EventType;
import org.careergraph.events.Topics;
import org.careergraph.testsupport.inbox.DeadLetterChecks.DeadLetter;
import org.careergraph.testsupport.inbox.DeadLettersTest;
import org.junit.jupiter.api.Test;

/**
 * Poison records on the four topics the notification service consumes (occupations, immigration policies, immigration
 * statuses, scores): dead-lettered by its group with where they came from and why, the partition moves on, and an
 * admin lists them and replays one after a fix through {@code /api/notification/dead-letters}.
 */
@MicronautTest(transactional = false)
class DeadLettersIT extends DeadLettersTest {

    DeadLettersIT() {
        super("notification", "notification-service", "/api/notification/dead-letters");
    }

    @Test
    void aPoisonRecordOnEachConsumedTopicIsDeadLetteredListedAndThePartitionMovesOn() {
        for (EventType type : List.of(EventType.OCCUPATION_CHANGED, EventType.POLICY_UPDATED,
                EventType.IMMIGRATION_STATUS_CHANGED, EventType.SCORE_CHANGED)) {
            String code = TestOccupations.uniqueCode();
            deadLetters.assertPoisonIsDeadLetteredListedAndThePartitionMovesOn(type, TestOccupations.id(code),
                    TestOccupations.fixture(type, code));
        }
    }

    @Test
    void aDeadLetterWhoseHandlerFailedIsReplayedOnceAfterTheFix() {
        String code = TestOccupations.uniqueCode();
        String key = TestOccupations.id(code);
        DeadLetter failed = deadLetters.publishFailed(EventType.OCCUPATION_CHANGED, key,
                TestOccupations.fixture(EventType.OCCUPATION_CHANGED, code));
        assertEquals(HttpStatus.NOT_FOUND, assertThrows(HttpClientResponseException.class,
                () -> feed(key)).getStatus(), "the occupation is not known yet");

        deadLetters.replay(failed);
        assertEquals(1, entries(feed(key)), "the occupation is known, its page edit in its feed");

        deadLetters.replayAgain(failed);
        assertEquals(1, entries(feed(key)), "not told twice");

        deadLetters.assertAnUnreadableRecordIsRefusedAndStaysListed(Topics.IMMIGRATION_POLICIES,
                TestOccupations.id(TestOccupations.uniqueCode()));
    }

    private String feed(String occupationId) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/feeds/" + occupationId + ".atom"), String.class);
    }

    private static int entries(String atom) {
        return atom.split("<entry", -1).length - 1;
    }
}

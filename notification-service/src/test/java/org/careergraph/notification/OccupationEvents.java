package org.careergraph.notification;

import org.careergraph.testsupport.TestOccupations;
import static org.awaitility.Awaitility.await;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.careergraph.events.EventType;
import org.careergraph.testsupport.TestEvents;

/**
 * Contract events about the tests' occupations ({@link TestOccupations}) on the real broker, and waits until the
 * service has taken them in: the occupation known, the event handled, its notices fanned out.
 */
public final class OccupationEvents {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final TestEvents events;
    private final JdbcOperations jdbc;

    public OccupationEvents(TestEvents events, JdbcOperations jdbc) {
        this.events = events;
        this.jdbc = jdbc;
    }

    /** Makes the occupation known to the service (it accepts subscriptions only to known occupations). */
    public String announce(String code) {
        String occupationId = TestOccupations.id(code);
        events.publish(EventType.OCCUPATION_CHANGED, occupationId,
                TestOccupations.fixture(EventType.OCCUPATION_CHANGED, code));
        await().atMost(PATIENCE).until(() -> TestDatabase.count(jdbc,
                "SELECT COUNT(*) FROM occupation WHERE id = ?", occupationId) == 1);
        return occupationId;
    }

    /** The fixture of this type about the occupation with this code; returns the event id. */
    public String publish(EventType type, String code) {
        return publish(type, code, fixture -> fixture);
    }

    public String publish(EventType type, String code, UnaryOperator<String> edit) {
        return events.publish(type, TestOccupations.id(code), edit.apply(TestOccupations.fixture(type, code)));
    }

    public void awaitHandled(String eventId) {
        await().atMost(PATIENCE).until(() -> TestDatabase.count(jdbc,
                "SELECT COUNT(*) FROM processed_event WHERE event_id = ?", eventId) == 1);
    }

    /** Handled, and every notification of its notices written. */
    public void awaitFannedOut(String... eventIds) {
        for (String eventId : eventIds) {
            awaitHandled(eventId);
            await().atMost(PATIENCE).until(() -> TestDatabase.count(jdbc,
                    "SELECT COUNT(*) FROM notice WHERE event_id = ? AND fan_out_due IS NOT NULL", eventId) == 0);
        }
    }
}

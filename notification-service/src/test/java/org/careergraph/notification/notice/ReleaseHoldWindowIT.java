package org.careergraph.notification.notice;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careergraph.events.EventType;
import org.careergraph.notification.NotificationIT;
import org.careergraph.notification.Subscribers;
import org.careergraph.notification.Subscribers.Subscribed;
import org.careergraph.notification.TestDatabase;
import org.careergraph.notification.WebhookReceiver;
import org.careergraph.testsupport.TestOccupations;
import org.junit.jupiter.api.Test;

/** A release whose score does not move, or moves only after its alert went out: a short hold window. */
@MicronautTest(transactional = false)
class ReleaseHoldWindowIT extends NotificationIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final long WINDOW_MILLIS = 1000;

    private final WebhookReceiver receiver = webhookReceiver();

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("careergraph.notification.release-hold.window", WINDOW_MILLIS + "ms");
    }

    @Test
    void aReleaseWithoutAScoreChangeIsToldUnchangedOnceTheWindowEnds() {
        String code = TestOccupations.uniqueCode();
        String occupationId = occupations().announce(code);
        Subscribed everything = subscribe(occupationId);

        String release = releases().publishRelease(UUID.randomUUID().toString(), code);

        awaitDelivered(everything, 1);
        List<WebhookReceiver.Call> calls = receiver.callsTo(everything.hook());
        assertEquals(1, calls.size());
        Map<?, ?> body = read(calls.get(0).body());
        assertEquals(release, body.get("eventId"));
        assertEquals("Community Services Worker (" + occupationId + "): US wages (BLS OEWS): employment=192710 -> "
                + "employment=202900; salary bands: none -> none from 2026-12-03 (new official release: BLS OEWS "
                + "May 2024; catalog revision 3)", ((Map<?, ?>) body.get("message")).get("en"));
        assertTrue(!body.containsKey("scoreChange"), "only a release told with its score change has one: " + body);
        assertEquals(List.of(NoticeKind.SALARY, NoticeKind.CATALOG), NoticeKind.of((int) TestDatabase.count(jdbc,
                "SELECT kinds FROM notice WHERE event_id = ?", release)));
        assertEquals(1, TestDatabase.count(jdbc, "SELECT COUNT(*) FROM notification n JOIN notice c "
                + "ON c.id = n.notice_id WHERE c.event_id = ? AND n.created_at >= c.recorded_at + INTERVAL ? "
                + "MICROSECOND", release, WINDOW_MILLIS * 1000), "fanned out only when the window had ended");
    }

    @Test
    void aScoreChangeWhoseReleaseWasToldAlreadyIsAnAlertOfItsOwn() {
        String code = TestOccupations.uniqueCode();
        String occupationId = occupations().announce(code);
        Subscribed everything = subscribe(occupationId);
        String release = releases().publishRelease(UUID.randomUUID().toString(), code);
        awaitDelivered(everything, 1);

        String score = releases().publishScore(UUID.randomUUID().toString(), code, release);

        awaitDelivered(everything, 2);
        Map<?, ?> scoreCall = receiver.callsTo(everything.hook()).stream().<Map<?, ?>>map(c -> read(c.body()))
                .filter(b -> score.equals(b.get("eventId"))).findFirst().orElseThrow();
        String english = (String) ((Map<?, ?>) scoreCall.get("message")).get("en");
        assertTrue(english.startsWith("Community Services Worker (" + occupationId + "): median pay USD 108,020 -> "
                + "112,590 (OEWS May 2023 -> May 2024); all occupations' median USD 48,060 -> 49,500; income 7.1 -> "
                + "7.3; overall 6.2 -> 6.3 from "), english);
        assertEquals(2, receiver.callsTo(everything.hook()).size());
    }

    /** One occupation's alerts in the order of its changes: a change just after a held release waits for it. */
    @Test
    void aChangeRightAfterAHeldReleaseIsToldAfterIt() {
        String code = TestOccupations.uniqueCode();
        String occupationId = occupations().announce(code);
        Subscribed everything = subscribe(occupationId);
        String release = releases().publishRelease(UUID.randomUUID().toString(), code);
        await().atMost(PATIENCE).until(() -> TestDatabase.count(jdbc,
                "SELECT COUNT(*) FROM notice WHERE event_id = ?", release) == 1);

        String status = occupations().publish(EventType.IMMIGRATION_STATUS_CHANGED, code);

        awaitDelivered(everything, 2);
        assertEquals(List.of(release, status), receiver.callsTo(everything.hook()).stream()
                .map(c -> read(c.body()).get("eventId")).toList());
    }

    private Subscribed subscribe(String occupationId) {
        return subscribers().subscribe(occupationId);
    }

    private void awaitDelivered(Subscribed subscription, int count) {
        subscribers().awaitDelivered(subscription, count);
    }

    private Subscribers subscribers() {
        return new Subscribers(http, receiver);
    }
}

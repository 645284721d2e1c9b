package org.careergraph.notification.notice;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careergraph.events.EventType;
import org.careergraph.notification.OccupationEvents;
import org.careergraph.notification.ReleaseEvents;
import org.careergraph.notification.TestDatabase;
import org.careergraph.testsupport.TestOccupations;
import org.careergraph.notification.WebhookReceiver;
import org.careergraph.testsupport.TestEvents;
import org.careergraph.testsupport.TestInfrastructure;
import org.careergraph.notification.Subscribers;
import org.careergraph.notification.Subscribers.Subscribed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A release whose score does not move, or moves only after its alert went out: a short hold window. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReleaseHoldWindowIT implements TestPropertyProvider {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final long WINDOW_MILLIS = 1000;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    JdbcOperations jdbc;

    @Inject
    JsonMapper json;

    private final TestEvents events = TestEvents.connect(TestInfrastructure.kafkaBootstrapServers());
    private final WebhookReceiver receiver = WebhookReceiver.start();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(TestInfrastructure.serviceProperties("notification"));
        // All of this class's subscriptions come from one client: more than a person makes at once.
        props.put("careergraph.notification.subscribe-limits.per-client-burst", "1000");
        props.put("careergraph.notification.webhook.allowed-hosts", "localhost,127.0.0.1");
        props.put("careergraph.notification.release-hold.window", WINDOW_MILLIS + "ms");
        return props;
    }

    @AfterAll
    void close() {
        events.close();
        receiver.close();
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

    private Map<?, ?> read(String body) {
        try {
            return json.readValue(body, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private OccupationEvents occupations() {
        return new OccupationEvents(events, jdbc);
    }

    private ReleaseEvents releases() {
        return new ReleaseEvents(events, json);
    }
}

package org.careergraph.notification.delivery;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careergraph.events.EventType;
import org.careergraph.notification.NotificationIT;
import org.careergraph.notification.Subscribers;
import org.careergraph.notification.Subscribers.Subscribed;
import org.careergraph.notification.TestDatabase;
import org.careergraph.notification.WebhookReceiver;
import org.careergraph.testsupport.MovableClock;
import org.careergraph.testsupport.TestOccupations;
import org.junit.jupiter.api.Test;

/**
 * The retry schedule as shipped (Svix's, with jitter), Retry-After, 410 Gone, disabling and replaying, and redirects:
 * a real receiver, a real broker and database, and the service's clock moved ahead instead of waiting hours.
 */
@MicronautTest(transactional = false)
class WebhookRetriesIT extends NotificationIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final List<Duration> SCHEDULE = RetrySchedule.SVIX_LIKE.delays();

    @Inject
    MovableClock clock;

    private final WebhookReceiver receiver = webhookReceiver();

    @Test
    void aFailingReceiverIsRetriedOnTheScheduleWithJitterThenTheEndpointIsDisabled() {
        String code = TestOccupations.uniqueCode();
        String hook = UUID.randomUUID().toString();
        receiver.answerAlways(hook, 500);
        Subscribed subscription = subscribe(hook, occupations().announce(code));
        occupations().publish(EventType.IMMIGRATION_STATUS_CHANGED, code);

        List<Instant> attempts = new ArrayList<>();
        for (int attempt = 1; attempt <= SCHEDULE.size(); attempt++) {
            int made = attempt;
            Map<?, ?> delivery = await().atMost(PATIENCE).until(() -> delivery(subscription),
                    d -> d != null && ((Number) d.get("attempts")).intValue() == made);
            assertEquals("PENDING", delivery.get("status"));
            assertEquals("HTTP 500", delivery.get("lastError"));
            Instant last = Instant.parse((String) delivery.get("lastAttemptAt"));
            Duration wait = Duration.between(last, Instant.parse((String) delivery.get("nextAttemptAt")));
            Duration planned = SCHEDULE.get(attempt - 1);
            assertTrue(wait.compareTo(planned) >= 0 && wait.compareTo(planned.multipliedBy(6).dividedBy(5)) <= 0,
                    "attempt " + attempt + ": waits " + wait + ", planned " + planned + " plus up to 20%");
            attempts.add(last);
            clock.advance(wait.plusSeconds(1));
        }
        Map<?, ?> failed = await().atMost(PATIENCE).until(() -> delivery(subscription),
                d -> "FAILED".equals(d.get("status")));
        assertEquals(8, ((Number) failed.get("attempts")).intValue());
        assertEquals(8, receiver.callsTo(hook).size(), "eight attempts in all");
        Map<?, ?> endpoint = view(subscription);
        assertEquals("DISABLED", endpoint.get("status"));
        assertEquals("failing past the retry window", endpoint.get("statusReason"));
        assertTrue(Duration.between(attempts.get(0), Instant.parse((String) failed.get("lastAttemptAt")))
                .compareTo(Duration.ofHours(27)) > 0, "over the whole window");
    }

    @Test
    void aLongerRetryAfterIsHonoured() {
        String code = TestOccupations.uniqueCode();
        String hook = UUID.randomUUID().toString();
        receiver.answerAlways(hook, 503, Map.of("Retry-After", "7200"));
        Subscribed subscription = subscribe(hook, occupations().announce(code));
        occupations().publish(EventType.IMMIGRATION_STATUS_CHANGED, code);

        Map<?, ?> delivery = await().atMost(PATIENCE).until(() -> delivery(subscription),
                d -> d != null && ((Number) d.get("attempts")).intValue() == 1);
        Duration wait = Duration.between(Instant.parse((String) delivery.get("lastAttemptAt")),
                Instant.parse((String) delivery.get("nextAttemptAt")));
        assertEquals(Duration.ofHours(2), wait, "the receiver asked for two hours, not the schedule's 5 seconds");
    }

    @Test
    void a410DisablesTheEndpointUntilItsOwnerEnablesItAgainAndReplays() {
        String code = TestOccupations.uniqueCode();
        String hook = UUID.randomUUID().toString();
        receiver.answerAlways(hook, 410);
        Subscribed subscription = subscribe(hook, occupations().announce(code));
        String gone = occupations().publish(EventType.IMMIGRATION_STATUS_CHANGED, code);

        Map<?, ?> failed = await().atMost(PATIENCE).until(() -> delivery(subscription),
                d -> d != null && "FAILED".equals(d.get("status")));
        assertEquals(1, ((Number) failed.get("attempts")).intValue(), "no retry after 410");
        assertEquals("DISABLED", view(subscription).get("status"));
        assertEquals("the endpoint answered 410 Gone", view(subscription).get("statusReason"));

        String whileDisabled = occupations().publish(EventType.SCORE_CHANGED, code);
        await().atMost(PATIENCE).until(() -> TestDatabase.count(jdbc,
                "SELECT COUNT(*) FROM notice WHERE event_id = ? AND fan_out_due IS NULL", whileDisabled) == 1);
        assertEquals(1, deliveries(subscription).size(), "a disabled endpoint is told nothing new");

        receiver.answerAlways(hook, 200);
        String replay = "/api/subscriptions/" + subscription.id() + "/deliveries/" + failed.get("id") + "/replay";
        HttpClientResponseException notYet = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST(replay, Map.of()).header("X-Manage-Token", subscription.token())));
        assertEquals(HttpStatus.CONFLICT, notYet.getStatus(), "enable it first");

        Map<?, ?> enabled = http.toBlocking().retrieve(HttpRequest.PATCH("/api/subscriptions/" + subscription.id(),
                Map.of("enabled", true)).header("X-Manage-Token", subscription.token()), Map.class);
        assertEquals("ACTIVE", enabled.get("status"));
        HttpResponse<Map> replayed = http.toBlocking().exchange(HttpRequest.POST(replay, Map.of())
                .header("X-Manage-Token", subscription.token()), Map.class);
        assertEquals(HttpStatus.ACCEPTED, replayed.status());
        assertEquals("PENDING", replayed.body().get("status"));
        await().atMost(PATIENCE).until(() -> "DELIVERED".equals(delivery(subscription).get("status")));
        List<WebhookReceiver.Call> calls = receiver.callsTo(hook);
        assertEquals(2, calls.size());
        assertEquals(calls.get(0).headers().get("webhook-id"), calls.get(1).headers().get("webhook-id"),
                "a replay is the same message");
        assertTrue(calls.get(1).body().contains(gone));
    }

    @Test
    void aRedirectIsFollowedOnlyToAnAllowedTarget() {
        String code = TestOccupations.uniqueCode();
        String occupationId = occupations().announce(code);
        String inside = UUID.randomUUID().toString();
        receiver.answerAlways(inside, 307, Map.of("Location", "https://10.0.0.1/steal"));
        String moved = UUID.randomUUID().toString();
        String target = UUID.randomUUID().toString();
        receiver.answerAlways(moved, 308, Map.of("Location", receiver.url(target)));
        Subscribed toInside = subscribe(inside, occupationId);
        Subscribed toMoved = subscribe(moved, occupationId);

        occupations().publish(EventType.IMMIGRATION_STATUS_CHANGED, code);

        Map<?, ?> refused = await().atMost(PATIENCE).until(() -> delivery(toInside),
                d -> d != null && ((Number) d.get("attempts")).intValue() == 1);
        assertEquals("PENDING", refused.get("status"));
        assertEquals("redirect refused: it must not point to a loopback, private, link-local or other non-public "
                + "address", refused.get("lastError"));
        await().atMost(PATIENCE).until(() -> "DELIVERED".equals(delivery(toMoved).get("status")));
        assertEquals(1, receiver.callsTo(target).size(), "the POST followed the 308 with its body and signature");
        assertTrue(receiver.callsTo(target).get(0).headers().containsKey("webhook-signature"));
    }

    /** One subscription's alerts in the order of the changes: a later one waits while an earlier one is retried. */
    @Test
    void aLaterAlertWaitsForAnEarlierOneThatIsRetried() {
        String code = TestOccupations.uniqueCode();
        String hook = UUID.randomUUID().toString();
        receiver.answerFirst(hook, 500);
        Subscribed subscription = subscribe(hook, occupations().announce(code));
        String first = occupations().publish(EventType.IMMIGRATION_STATUS_CHANGED, code);
        await().atMost(PATIENCE).until(() -> receiver.callsTo(hook).size() == 1);
        String second = occupations().publish(EventType.IMMIGRATION_STATUS_CHANGED, code);
        occupations().awaitFannedOut(second);

        // The second is not sent while the first waits for its next attempt (5 s on the clock) ...
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> receiver.callsTo(hook).size() == 1);
        clock.advance(SCHEDULE.get(0).multipliedBy(2));
        // ... and follows it once it is delivered.
        await().atMost(PATIENCE).until(() -> receiver.callsTo(hook).size() == 3);
        assertEquals(List.of(first, first, second), receiver.callsTo(hook).stream()
                .map(call -> call.body().contains(first) ? first : call.body().contains(second) ? second : "?")
                .toList());
    }

    private Subscribed subscribe(String hook, String occupationId) {
        return subscribers().subscribe(hook, Map.of("occupationIds", List.of(occupationId)));
    }

    private Map<?, ?> view(Subscribed subscription) {
        return subscribers().view(subscription);
    }

    private List<Map<?, ?>> deliveries(Subscribed subscription) {
        return subscribers().deliveries(subscription);
    }

    private Subscribers subscribers() {
        return new Subscribers(http, receiver);
    }

    private Map<?, ?> delivery(Subscribed subscription) {
        List<Map<?, ?>> items = deliveries(subscription);
        return items.isEmpty() ? null : items.get(items.size() - 1);
    }
}

package org.careergraph.notification.subscription;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careergraph.events.EventType;
import org.careergraph.notification.NotificationIT;
import org.careergraph.notification.Subscribers;
import org.careergraph.notification.TestDatabase;
import org.careergraph.notification.WebhookReceiver;
import org.careergraph.notification.delivery.WebhookSignature;
import org.careergraph.testsupport.MovableClock;
import org.careergraph.testsupport.TestOccupations;
import org.junit.jupiter.api.Test;

/**
 * Webhook signing-secret rotation on the real service (a real broker, database and receiver): deliveries carry the
 * new and the replaced secret's signatures during the overlap, only the new one's after it (the service's clock is
 * moved past the overlap instead of waiting), and refused rotations change nothing.
 */
@MicronautTest(transactional = false)
class SecretRotationIT extends NotificationIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String SECRETS_ARE =
            "SELECT COUNT(*) FROM subscription WHERE id = ? AND signing_secret = ? AND previous_signing_secret <=> ?";

    @Inject
    MovableClock clock;

    /** Only for the email subscription's confirmation mail. */
    private final GreenMail smtp = mailServer();
    private final WebhookReceiver receiver = webhookReceiver();

    @Test
    void bothSecretsVerifyDuringTheOverlapAndOnlyTheNewOneAfterIt() {
        String code = TestOccupations.uniqueCode();
        String hook = UUID.randomUUID().toString();
        Subscribed subscription = subscribe(hook, occupations().announce(code));

        Instant before = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        HttpResponse<Map> response = http.toBlocking().exchange(rotation(subscription, Map.of("overlap", "PT1H")),
                Map.class);
        Instant after = clock.instant();
        assertEquals(HttpStatus.OK, response.status());
        assertEquals("no-store", response.header("Cache-Control"), "the secret is shown once");
        String newSecret = (String) response.body().get("signingSecret");
        assertTrue(newSecret.matches("whsec_[A-Za-z0-9+/]{32}"), "24 random bytes in base64: " + newSecret);
        assertNotEquals(subscription.secret(), newSecret);
        Instant expires = Instant.parse((String) response.body().get("previousSecretExpiresAt"));
        assertTrue(!expires.isBefore(before.plus(Duration.ofHours(1))) && !expires.isAfter(after.plusSeconds(3600)),
                "an hour from the rotation: " + expires);
        Map<?, ?> view = view(subscription);
        assertEquals(response.body().get("previousSecretExpiresAt"), view.get("previousSecretExpiresAt"));
        assertFalse(view.containsKey("signingSecret"), "secrets are never read back: " + view);

        occupations().publish(EventType.IMMIGRATION_STATUS_CHANGED, code);
        WebhookReceiver.Call during = awaitCall(hook, 1);
        assertEquals(signatures(during, newSecret, subscription.secret()), during.headers().get("webhook-signature"),
                "v1,<new> v1,<old>");
        assertTrue(verifies(during, newSecret), "a receiver that switched already");
        assertTrue(verifies(during, subscription.secret()), "a receiver that has not switched yet");

        // Recorded before the clock jumps: else its claim's lease would run out and it would be sent again.
        await().atMost(PATIENCE).until(() -> TestDatabase.count(jdbc, "SELECT COUNT(*) FROM notification "
                + "WHERE subscription_id = ? AND status = 'DELIVERED'", subscription.id()) == 1);
        clock.advance(Duration.ofHours(1).plusMinutes(1));
        assertFalse(view(subscription).containsKey("previousSecretExpiresAt"), "nothing left to show");
        occupations().publish(EventType.SCORE_CHANGED, code);
        WebhookReceiver.Call later = awaitCall(hook, 2);
        assertEquals(signatures(later, newSecret), later.headers().get("webhook-signature"), "only the new one");
        assertTrue(verifies(later, newSecret));
        assertFalse(verifies(later, subscription.secret()), "the old secret is no longer valid");
        assertEquals(1, TestDatabase.count(jdbc, SECRETS_ARE, subscription.id(), newSecret, null),
                "the expired secret is forgotten once it would have been used");
        assertEquals(0, TestDatabase.count(jdbc, "SELECT COUNT(*) FROM subscription WHERE id = ? "
                + "AND previous_secret_expires_at IS NOT NULL", subscription.id()));
    }

    @Test
    void aRotationDuringAnOverlapDropsTheOldestSecretAndTheDefaultOverlapIsADay() {
        String code = TestOccupations.uniqueCode();
        String hook = UUID.randomUUID().toString();
        Subscribed subscription = subscribe(hook, occupations().announce(code));

        Instant before = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Map<?, ?> first = http.toBlocking().retrieve(rotation(subscription, null), Map.class);
        Instant after = clock.instant();
        Instant expires = Instant.parse((String) first.get("previousSecretExpiresAt"));
        assertTrue(!expires.isBefore(before.plus(Duration.ofHours(24))) && !expires.isAfter(after.plus(
                Duration.ofHours(24))), "no overlap asked: careergraph.notification.webhook.secret-overlap, 24 h: " + expires);
        Map<?, ?> second = http.toBlocking().retrieve(rotation(subscription, Map.of()), Map.class);
        String middle = (String) first.get("signingSecret");
        String newest = (String) second.get("signingSecret");
        assertEquals(1, TestDatabase.count(jdbc, SECRETS_ARE, subscription.id(), newest, middle),
                "the secret the second rotation replaced is kept, the first one's is gone");

        occupations().publish(EventType.IMMIGRATION_STATUS_CHANGED, code);
        WebhookReceiver.Call call = awaitCall(hook, 1);
        assertEquals(signatures(call, newest, middle), call.headers().get("webhook-signature"), "two, not three");
        assertTrue(verifies(call, newest));
        assertTrue(verifies(call, middle));
        assertFalse(verifies(call, subscription.secret()), "the first secret is no longer valid");
    }

    @Test
    void aNewWebhookUrlIsVerifiedWithBothSignaturesDuringTheOverlap() {
        String occupationId = occupations().announce(TestOccupations.uniqueCode());
        Subscribed subscription = subscribe(UUID.randomUUID().toString(), occupationId);
        String newSecret = (String) http.toBlocking().retrieve(rotation(subscription, null), Map.class)
                .get("signingSecret");

        String moved = UUID.randomUUID().toString();
        Map<?, ?> patched = http.toBlocking().retrieve(withToken(HttpRequest.PATCH("/api/subscriptions/"
                + subscription.id(), Map.of("webhookUrl", receiver.url(moved))), subscription.token()), Map.class);
        assertEquals(receiver.url(moved), patched.get("webhookUrl"));
        assertTrue(patched.containsKey("previousSecretExpiresAt"), "the change keeps the rotation: " + patched);
        WebhookReceiver.Call verification = receiver.verificationsTo(moved).get(0);
        assertEquals(signatures(verification, newSecret, subscription.secret()),
                verification.headers().get("webhook-signature"));
        assertEquals(1, TestDatabase.count(jdbc, SECRETS_ARE, subscription.id(), newSecret, subscription.secret()),
                "changing the URL keeps both secrets");
    }

    @Test
    void refusedRotationsAnswerProblemsAndChangeNothing() {
        String occupationId = occupations().announce(TestOccupations.uniqueCode());
        Subscribed subscription = subscribe(UUID.randomUUID().toString(), occupationId);

        Map<?, ?> tooLong = assertProblem(HttpStatus.UNPROCESSABLE_ENTITY,
                rotation(subscription, Map.of("overlap", "P7DT1S")));
        assertEquals(List.of(Map.of("field", "overlap", "message", "must be from PT0S to P7D (7 days)")),
                tooLong.get("errors"));
        Map<?, ?> negative = assertProblem(HttpStatus.UNPROCESSABLE_ENTITY,
                rotation(subscription, Map.of("overlap", "-PT1H")));
        assertEquals(List.of("overlap"), fields(negative));
        Map<?, ?> unreadable = assertProblem(HttpStatus.BAD_REQUEST,
                rotation(subscription, Map.of("overlap", "a day")));
        assertEquals(List.of(Map.of("field", "overlap", "message", "is not an ISO 8601 duration (e.g. PT1H, P2D)")),
                unreadable.get("errors"));
        assertProblem(HttpStatus.NOT_FOUND, rotation(new Subscribed(subscription.id(), "not-" + subscription.token(),
                subscription.secret()), null));
        assertProblem(HttpStatus.NOT_FOUND, HttpRequest.POST("/api/subscriptions/" + subscription.id()
                + "/secret-rotation", Map.of()));
        assertProblem(HttpStatus.NOT_FOUND, rotation(new Subscribed(UUID.randomUUID().toString(),
                subscription.token(), subscription.secret()), null));
        assertEquals(1, TestDatabase.count(jdbc, SECRETS_ARE, subscription.id(), subscription.secret(), null),
                "the secret is as it was, and no other is valid");

        Map<?, ?> email = http.toBlocking().retrieve(HttpRequest.POST("/api/subscriptions", Map.of(
                "email", UUID.randomUUID() + "@example.com", "occupationIds", List.of(occupationId))), Map.class);
        Subscribed byEmail = new Subscribed((String) email.get("id"), (String) email.get("manageToken"), null);
        Map<?, ?> noSecret = assertProblem(HttpStatus.CONFLICT, rotation(byEmail, null));
        assertEquals("Subscription " + byEmail.id() + " is by email: only webhook subscriptions have a signing secret.",
                noSecret.get("detail"));
        assertEquals(1, TestDatabase.count(jdbc, "SELECT COUNT(*) FROM subscription WHERE id = ? AND signing_secret "
                + "IS NULL AND previous_signing_secret IS NULL", byEmail.id()), "an email subscription has none");
    }

    private record Subscribed(String id, String token, String secret) {
    }

    private Subscribed subscribe(String hook, String occupationId) {
        Subscribers.Subscribed created = new Subscribers(http, receiver).subscribe(hook,
                Map.of("occupationIds", List.of(occupationId)));
        return new Subscribed(created.id(), created.token(), created.secret());
    }

    private static MutableHttpRequest<?> rotation(Subscribed subscription, Map<String, String> query) {
        String path = "/api/subscriptions/" + subscription.id() + "/secret-rotation";
        if (query != null && query.containsKey("overlap")) {
            path += "?overlap=" + URLEncoder.encode(query.get("overlap"), StandardCharsets.UTF_8);
        }
        return withToken(HttpRequest.POST(path, null), subscription.token());
    }

    private Map<?, ?> view(Subscribed subscription) {
        return http.toBlocking().retrieve(withToken(HttpRequest.GET("/api/subscriptions/" + subscription.id()),
                subscription.token()), Map.class);
    }

    private WebhookReceiver.Call awaitCall(String hook, int count) {
        await().atMost(PATIENCE).until(() -> receiver.callsTo(hook).size() >= count);
        List<WebhookReceiver.Call> calls = receiver.callsTo(hook);
        assertEquals(count, calls.size(), "one call per change");
        return calls.get(count - 1);
    }

    /** What the header must be: one signature per secret, in this order. */
    private static String signatures(WebhookReceiver.Call call, String... secrets) {
        return WebhookSignature.signAll(List.of(secrets), call.headers().get("webhook-id"),
                Long.parseLong(call.headers().get("webhook-timestamp")), call.body());
    }

    /** As a receiver holding this one secret checks the call (its clock the service's). */
    private boolean verifies(WebhookReceiver.Call call, String secret) {
        return WebhookSignature.verify(secret, call.headers().get("webhook-id"),
                call.headers().get("webhook-timestamp"), call.body(), call.headers().get("webhook-signature"),
                clock.instant(), TOLERANCE);
    }

    private Map<?, ?> assertProblem(HttpStatus status, MutableHttpRequest<?> request) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(request));
        assertEquals(status, e.getStatus(), () -> e.getMessage() + " " + e.getResponse().getBody(Map.class));
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        Map<?, ?> problem = e.getResponse().getBody(Argument.of(Map.class)).orElseThrow();
        assertEquals(status.getCode(), ((Number) problem.get("status")).intValue());
        return problem;
    }

    private static List<?> fields(Map<?, ?> problem) {
        return ((List<Map<?, ?>>) problem.get("errors")).stream().map(f -> f.get("field")).sorted().toList();
    }

    private static MutableHttpRequest<?> withToken(MutableHttpRequest<?> request, String token) {
        return request.header(SubscriptionController.MANAGE_TOKEN, token);
    }
}

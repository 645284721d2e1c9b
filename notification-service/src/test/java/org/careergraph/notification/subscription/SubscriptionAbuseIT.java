package org.careergraph.notification.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.careergraph.notification.NotificationIT;
import org.careergraph.notification.TestDatabase;
import org.careergraph.notification.WebhookReceiver;
import org.careergraph.notification.WebhookReceiver.Verification;
import org.careergraph.notification.delivery.WebhookSignature;
import org.careergraph.testsupport.TestOccupations;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What keeps anyone from making the service flood a URL: the endpoint must answer a signed verification request
 * before its subscription exists, one client may subscribe only so often, and one URL takes only so many
 * subscriptions. Small limits here (3 at once per client, 2 per URL); each test is a client of its own (the test
 * client is on loopback, a trusted proxy, so its X-Forwarded-For names the client).
 */
@MicronautTest(transactional = false)
class SubscriptionAbuseIT extends NotificationIT {

    private static final int BURST = 3;
    private static final int PER_URL = 2;

    private final WebhookReceiver receiver = webhookReceiver();
    private final AtomicInteger clients = new AtomicInteger();
    private String known;

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("careergraph.notification.webhook.verification-timeout", "1s",
                "careergraph.notification.subscribe-limits.per-client-burst", String.valueOf(BURST),
                "careergraph.notification.subscribe-limits.per-client-refill-every", "1h",
                "careergraph.notification.subscribe-limits.per-webhook-url", String.valueOf(PER_URL));
    }

    @BeforeAll
    void announceOccupation() {
        known = occupations().announce(TestOccupations.uniqueCode());
    }

    @Test
    void anEndpointThatEchoesTheChallengeIsSubscribedAndTheVerificationIsSignedLikeADelivery() {
        String client = newClient();
        String hook = UUID.randomUUID().toString();
        Map<?, ?> created = subscribe(client, receiver.url(hook)).body();
        assertEquals("ACTIVE", created.get("status"));

        List<WebhookReceiver.Call> verifications = receiver.verificationsTo(hook);
        assertEquals(1, verifications.size());
        WebhookReceiver.Call verification = verifications.get(0);
        assertTrue(WebhookSignature.verify((String) created.get("signingSecret"),
                verification.headers().get(WebhookSignature.ID), verification.headers().get(WebhookSignature.TIMESTAMP),
                verification.body(), verification.headers().get(WebhookSignature.SIGNATURE), Instant.now(),
                Duration.ofMinutes(5)), "signed with the subscription's secret: " + verification);
        assertEquals("application/json", verification.headers().get("content-type"));
        assertTrue(WebhookReceiver.challenge(verification.body()).matches("[A-Za-z0-9_-]{32}"), verification.body());
        assertEquals(List.of(), receiver.callsTo(hook), "nothing else is sent");

        String bare = UUID.randomUUID().toString();
        receiver.answerVerification(bare, Verification.BARE_ECHO);
        assertEquals(HttpStatus.CREATED, subscribe(client, receiver.url(bare)).status(), "the bare value will do");
    }

    @Test
    void anEndpointThatDoesNotEchoTheChallengeIsRefusedInPlainWordsAndNothingIsStored() {
        WebhookReceiver gone = WebhookReceiver.start();
        String unreachable = gone.url("down");
        gone.close();
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put(hookAnswering(Verification.status(404)), "did not pass verification: the endpoint answered HTTP "
                + "404 instead of 2xx with the challenge");
        cases.put(hookAnswering(Verification.body("{\"challenge\":\"something else\"}")), "did not pass "
                + "verification: the endpoint answered HTTP 200 without echoing the challenge");
        cases.put(hookAnswering(Verification.SILENT), "did not pass verification: the endpoint did not answer: "
                + "timed out waiting for the answer");
        cases.put(unreachable, "did not pass verification: the endpoint did not answer: connection refused");
        for (Map.Entry<String, String> refusal : cases.entrySet()) {
            String url = refusal.getKey();
            Map<?, ?> problem = assertProblem(HttpStatus.UNPROCESSABLE_ENTITY, () -> post(newClient(), url));
            Map<?, ?> error = ((List<Map<?, ?>>) problem.get("errors")).get(0);
            assertEquals("webhookUrl", error.get("field"), url);
            assertTrue(((String) error.get("message")).startsWith(refusal.getValue()), url + ": " + error);
            assertFalse(problem.toString().contains("Exception"), problem.toString());
            assertEquals(0, TestDatabase.count(jdbc, "SELECT COUNT(*) FROM subscription WHERE webhook_url = ?", url),
                    "nothing stored for " + url);
        }
    }

    @Test
    void aNewWebhookUrlIsVerifiedBeforeItReplacesTheOldOne() {
        String client = newClient();
        Map<?, ?> created = subscribe(client, receiver.url(UUID.randomUUID().toString())).body();
        String id = (String) created.get("id");
        String token = (String) created.get("manageToken");
        String refusing = hookAnswering(Verification.status(410));

        Map<?, ?> refused = assertProblem(HttpStatus.UNPROCESSABLE_ENTITY, () -> HttpRequest.PATCH(
                "/api/subscriptions/" + id, Map.of("webhookUrl", refusing)).header("X-Manage-Token", token)
                .header("X-Forwarded-For", client));
        assertTrue(refused.toString().contains("answered HTTP 410"), refused.toString());
        assertEquals(created.get("webhookUrl"), view(id, token).get("webhookUrl"), "unchanged");

        String moved = UUID.randomUUID().toString();
        Map<?, ?> changed = http.toBlocking().retrieve(HttpRequest.PATCH("/api/subscriptions/" + id,
                Map.of("webhookUrl", receiver.url(moved))).header("X-Manage-Token", token)
                .header("X-Forwarded-For", client), Map.class);
        assertEquals(receiver.url(moved), changed.get("webhookUrl"));
        WebhookReceiver.Call verification = receiver.verificationsTo(moved).get(0);
        assertTrue(WebhookSignature.verify((String) created.get("signingSecret"),
                verification.headers().get(WebhookSignature.ID), verification.headers().get(WebhookSignature.TIMESTAMP),
                verification.body(), verification.headers().get(WebhookSignature.SIGNATURE), Instant.now(),
                Duration.ofMinutes(5)), "signed with the subscription's own secret");
    }

    @Test
    void oneClientIsLimitedWhileAnotherIsStillServed() {
        String busy = newClient();
        for (int i = 0; i < BURST; i++) {
            assertEquals(HttpStatus.CREATED, subscribe(busy, receiver.url(UUID.randomUUID().toString())).status());
        }
        String hook = UUID.randomUUID().toString();
        HttpClientResponseException limited = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(post(busy, receiver.url(hook)), Map.class));
        assertEquals(HttpStatus.TOO_MANY_REQUESTS, limited.getStatus());
        assertEquals("application/problem+json", limited.getResponse().getContentType().orElseThrow().toString());
        long retryAfter = Long.parseLong(limited.getResponse().getHeaders().get("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 3600, "Retry-After: " + retryAfter);
        assertEquals(List.of(), receiver.verificationsTo(hook), "a refused request costs nobody a call");

        assertEquals(HttpStatus.CREATED, subscribe(newClient(), receiver.url(hook)).status(),
                "another client is still served");
    }

    @Test
    void oneWebhookUrlTakesAtMostItsCapOfSubscriptionsWhateverItsQuery() {
        String hook = UUID.randomUUID().toString();
        String url = receiver.url(hook);
        Map<?, ?> first = subscribe(newClient(), url).body();
        subscribe(newClient(), url + "?copy=2");

        Map<?, ?> problem = assertProblem(HttpStatus.UNPROCESSABLE_ENTITY,
                () -> post(newClient(), url.replace("http://", "HTTP://") + "?copy=3#top"));
        assertEquals(List.of(Map.of("field", "webhookUrl", "message", "has " + PER_URL + " subscriptions already, the "
                + "most one webhook URL may have (URLs that differ only in their query count as one); cancel one of "
                + "them or use another URL")), problem.get("errors"));
        assertEquals(PER_URL, receiver.verificationsTo(hook).size(), "the third was refused before any call");

        http.toBlocking().exchange(HttpRequest.DELETE("/api/subscriptions/" + first.get("id"))
                .header("X-Manage-Token", (String) first.get("manageToken")));
        assertEquals(HttpStatus.CREATED, subscribe(newClient(), url + "?copy=3").status(), "room again");
    }

    private String hookAnswering(Verification verification) {
        String hook = UUID.randomUUID().toString();
        receiver.answerVerification(hook, verification);
        return receiver.url(hook);
    }

    /** A client of its own, as the gateway names it. */
    private String newClient() {
        return "198.51.100." + clients.incrementAndGet();
    }

    private MutableHttpRequest<?> post(String client, String url) {
        return HttpRequest.POST("/api/subscriptions", Map.of("webhookUrl", url, "occupationIds", List.of(known)))
                .header("X-Forwarded-For", client);
    }

    private HttpResponse<Map> subscribe(String client, String url) {
        HttpResponse<Map> created = http.toBlocking().exchange(post(client, url), Map.class);
        assertEquals(HttpStatus.CREATED, created.status());
        assertNotNull(created.body());
        return created;
    }

    private Map<?, ?> view(String id, String token) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/subscriptions/" + id).header("X-Manage-Token", token),
                Map.class);
    }

    private Map<?, ?> assertProblem(HttpStatus status, java.util.function.Supplier<MutableHttpRequest<?>> request) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(request.get()));
        assertEquals(status, e.getStatus(), () -> e.getResponse().getBody(String.class).orElse(""));
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        return e.getResponse().getBody(Argument.of(Map.class)).orElseThrow();
    }
}

package org.careergraph.notification;

import static org.awaitility.Awaitility.await;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Webhook subscribers of the tests, through the public API: subscribe a new hook of the {@link WebhookReceiver} to
 * occupations, read the subscription and its deliveries with its manage token, and wait until its notifications are
 * delivered. The setup the integration tests share; what they check stays in each test.
 */
public final class Subscribers {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final HttpClient http;
    private final WebhookReceiver receiver;

    public Subscribers(HttpClient http, WebhookReceiver receiver) {
        this.http = http;
        this.receiver = receiver;
    }

    /** A subscription: its id, manage token, signing secret, and the receiver's hook it calls. */
    public record Subscribed(String id, String token, @Nullable String secret, String hook) {
    }

    /** A new hook subscribed to one occupation, for every kind of change. */
    public Subscribed subscribe(String occupationId) {
        return subscribe(UUID.randomUUID().toString(), Map.of("occupationIds", List.of(occupationId)));
    }

    /** The hook subscribed with these watches (and kinds, filters ...). */
    public Subscribed subscribe(String hook, Map<String, ?> watches) {
        Map<String, Object> request = new HashMap<>(watches);
        request.put("webhookUrl", receiver.url(hook));
        Map<?, ?> created = http.toBlocking().retrieve(HttpRequest.POST("/api/subscriptions", request), Map.class);
        return new Subscribed((String) created.get("id"), (String) created.get("manageToken"),
                (String) created.get("signingSecret"), hook);
    }

    /** The subscription as its owner sees it. */
    public Map<?, ?> view(Subscribed subscription) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/subscriptions/" + subscription.id())
                .header("X-Manage-Token", subscription.token()), Map.class);
    }

    /** Its deliveries, newest first. */
    @SuppressWarnings("unchecked")
    public List<Map<?, ?>> deliveries(Subscribed subscription) {
        Map<?, ?> page = http.toBlocking().retrieve(HttpRequest.GET("/api/subscriptions/" + subscription.id()
                + "/deliveries").header("X-Manage-Token", subscription.token()), Map.class);
        return (List<Map<?, ?>>) page.get("items");
    }

    /** Waits until it has exactly {@code count} deliveries, all delivered; returns them. */
    public List<Map<?, ?>> awaitDelivered(Subscribed subscription, int count) {
        return await().atMost(PATIENCE).until(() -> deliveries(subscription),
                d -> d.size() == count && d.stream().allMatch(n -> "DELIVERED".equals(n.get("status"))));
    }
}

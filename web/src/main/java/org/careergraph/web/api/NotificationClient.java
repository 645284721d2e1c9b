package org.careergraph.web.api;

import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import org.careergraph.web.Urls;

/**
 * The notification service's subscriptions API as the pages use it. A subscription is opened with its manage token
 * ({@code X-Manage-Token}); subscribing and changing say whom for ({@link ForwardedFor}), which the service limits.
 */
@Singleton
public class NotificationClient {

    private static final String SUBSCRIPTIONS = "/api/subscriptions";
    private static final String TOKEN_HEADER = "X-Manage-Token";

    private final ServiceTransport transport;

    NotificationClient(ServiceTransport transport) {
        this.transport = transport;
    }

    /** Subscribes ({@code request} as the API takes it): 201 with the subscription, its manage key and secret. */
    public Answer<Map<String, Object>> subscribe(Map<String, Object> request, ForwardedFor client) {
        return transport.send(Backend.NOTIFICATION, "POST", SUBSCRIPTIONS, request, client.header(), null)
                .as(Json::object);
    }

    /** A subscription, if the token opens it. */
    public Answer<Map<String, Object>> subscription(String id, String token) {
        return transport.send(Backend.NOTIFICATION, "GET", SUBSCRIPTIONS + "/" + Urls.segment(id), null,
                Map.of(TOKEN_HEADER, token), null).as(Json::object);
    }

    /** The subscription's latest deliveries, at most {@code size}. */
    public Listing deliveries(String id, String token, int size) {
        return transport.send(Backend.NOTIFICATION, "GET", SUBSCRIPTIONS + "/" + Urls.segment(id)
                + "/deliveries?size=" + size, null, Map.of(TOKEN_HEADER, token), null).as(Listing::of).value();
    }

    /** Changes a subscription: {@code patch} as a JSON merge patch (RFC 7396) of its fields. */
    public Answer<Void> change(String id, String token, Map<String, Object> patch, ForwardedFor client) {
        Map<String, String> headers = new HashMap<>(client.header());
        headers.put(TOKEN_HEADER, token);
        headers.put("Content-Type", "application/merge-patch+json");
        return transport.send(Backend.NOTIFICATION, "PATCH", SUBSCRIPTIONS + "/" + Urls.segment(id), patch, headers,
                null).as(body -> null);
    }

    /** Deletes a subscription: 204 when it is gone. */
    public Answer<Void> unsubscribe(String id, String token) {
        return transport.send(Backend.NOTIFICATION, "DELETE", SUBSCRIPTIONS + "/" + Urls.segment(id), null,
                Map.of(TOKEN_HEADER, token), null).as(body -> null);
    }
}

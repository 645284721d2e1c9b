package org.careergraph.web.api;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.careergraph.web.Urls;

/**
 * The dead-letter API every service has alike ({@code /api/<service>/dead-letters}), with an admin's token: one
 * client for the four, each call naming the service.
 */
@Singleton
public class DeadLetterClient {

    private final ServiceTransport transport;

    DeadLetterClient(ServiceTransport transport) {
        this.transport = transport;
    }

    /** A service's newest dead letters of a state ({@code NEW}, {@code REPLAYED}, {@code DISCARDED}; null: all). */
    public Answer<DeadLetters> deadLetters(Backend service, @Nullable String state, int size, String bearer) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("state", state);
        query.put("size", size);
        return transport.send(service, "GET", path(service) + Urls.query(query), null, Map.of(), bearer)
                .as(DeadLetters::of);
    }

    /** Runs a dead letter through the service again (404 none such, 409 it failed again, 422 it is unreadable). */
    public Answer<Void> replay(Backend service, String id, String bearer) {
        return act(service, id, "replay", bearer);
    }

    /** Sets a dead letter aside for good. */
    public Answer<Void> discard(Backend service, String id, String bearer) {
        return act(service, id, "discard", bearer);
    }

    private Answer<Void> act(Backend service, String id, String action, String bearer) {
        return transport.send(service, "POST", path(service) + "/" + Urls.segment(id) + "/" + action, null, Map.of(),
                bearer).as(body -> null);
    }

    private static String path(Backend service) {
        return "/api/" + service.displayName() + "/dead-letters";
    }
}

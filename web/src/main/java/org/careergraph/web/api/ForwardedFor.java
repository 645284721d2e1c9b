package org.careergraph.web.api;

import io.micronaut.http.HttpRequest;
import java.util.Map;

/**
 * Who a call is made for, as a proxy says it: the chain of X-Forwarded-For the front received (from the gateway or
 * the ingress) with the address it came from added. The notification service limits subscriptions per client by it;
 * without it every visitor of the front would count as the front.
 */
public record ForwardedFor(String chain) {

    public static ForwardedFor of(HttpRequest<?> request) {
        String peer = request.getRemoteAddress().getAddress() == null ? request.getRemoteAddress().getHostString()
                : request.getRemoteAddress().getAddress().getHostAddress();
        String chain = request.getHeaders().get("X-Forwarded-For");
        return new ForwardedFor(chain == null || chain.isBlank() ? peer : chain.strip() + ", " + peer);
    }

    Map<String, String> header() {
        return Map.of("X-Forwarded-For", chain);
    }
}

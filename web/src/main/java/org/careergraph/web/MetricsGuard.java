package org.careergraph.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.exceptions.HttpStatusException;

/**
 * The web front answers every path outside /api on the public entry, its metrics path included. Prometheus scrapes the
 * pod directly; a request that came through the edge (Gateway API) or the local gateway (which always add X-Forwarded-For) gets
 * the not-found page instead of the metrics.
 */
@ServerFilter("/prometheus/**")
class MetricsGuard {

    @RequestFilter
    @Nullable
    MutableHttpResponse<?> onlyInside(HttpRequest<?> request) {
        if (request.getHeaders().contains("X-Forwarded-For")) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "No such page");
        }
        return null;
    }
}

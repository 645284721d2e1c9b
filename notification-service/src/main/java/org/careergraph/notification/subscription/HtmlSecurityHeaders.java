package org.careergraph.notification.subscription;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;

/**
 * On every HTML answer of this service (the mailbox pages, whose URL carries the mailbox token): nothing loads or
 * runs but the page and its form posting back here, the page is never framed, its type is not guessed, no Referer
 * carries the token elsewhere, and no cache keeps it. One filter, so that a new page cannot forget them.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class HtmlSecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; form-action 'self'; frame-ancestors 'none'; "
            + "base-uri 'none'";

    @ResponseFilter
    void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        // The content type is set when the body is written, after this filter: the route says what it produces.
        boolean html = response.getContentType().map(type -> type.matches(MediaType.TEXT_HTML_TYPE))
                .orElseGet(() -> RouteAttributes.getRouteMatch(request)
                        .map(route -> route.getRouteInfo().getProduces().stream().anyMatch(t -> t.matches(MediaType.TEXT_HTML_TYPE)))
                        .orElse(false));
        if (html) {
            response.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                    .header("X-Frame-Options", "DENY")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer")
                    .header(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}

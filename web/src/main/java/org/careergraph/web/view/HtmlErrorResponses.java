package org.careergraph.web.view;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers the server makes by itself, before or beside any controller (an address too long, a method a page does
 * not take, a body of a type no form sends): the site's error page with its headers, instead of Micronaut's JSON,
 * which names its own internals and carries none of the page headers.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
class HtmlErrorResponses implements ErrorResponseProcessor<String> {

    private static final Logger LOG = LoggerFactory.getLogger(HtmlErrorResponses.class);
    /** What is shown when even the error page cannot be rendered: plain words, nothing of ours. */
    private static final String FALLBACK = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>Career Graph</title></head><body><h1>Request not answered</h1><p>HTTP status %d</p></body></html>";

    private final Views views;

    HtmlErrorResponses(Views views) {
        this.views = views;
    }

    @Override
    public MutableHttpResponse<String> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.status();
        String messageKey = switch (status) {
            case NOT_FOUND, METHOD_NOT_ALLOWED -> "error.notFound";
            case REQUEST_ENTITY_TOO_LARGE, REQUEST_URI_TOO_LONG -> "error.tooLarge";
            case UNSUPPORTED_MEDIA_TYPE -> "error.charset";
            default -> status.getCode() >= 500 ? "error.fault" : "error.badRequest";
        };
        String html;
        try {
            html = views.render(context.getRequest(), "error", Views.errorModel(status, messageKey, null));
        } catch (RuntimeException e) {
            LOG.error("Could not render the error page for {}", status, e);
            html = FALLBACK.formatted(status.getCode());
        }
        @SuppressWarnings("unchecked")
        MutableHttpResponse<String> page = (MutableHttpResponse<String>) response;
        return SecurityHeaders.apply(context.getRequest(), page.contentType(Views.HTML).body(html));
    }
}

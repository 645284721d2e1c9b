package org.careergraph.catalog;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.careergraph.platform.web.Problem;

/** A refused import: 429 problem+json with a Retry-After in whole seconds. */
@Singleton
@Produces(Problem.CONTENT_TYPE)
class ImportBusyHandler implements ExceptionHandler<ImportPool.Busy, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> processor;

    ImportBusyHandler(ErrorResponseProcessor<?> processor) {
        this.processor = processor;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ImportPool.Busy busy) {
        ErrorContext context = ErrorContext.builder(request).cause(busy).errorMessage(busy.getMessage()).build();
        return processor.processResponse(context, HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, busy.retryAfter().toSeconds()))));
    }
}

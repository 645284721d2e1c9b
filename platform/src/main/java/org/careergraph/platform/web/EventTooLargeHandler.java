package org.careergraph.platform.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.careergraph.platform.outbox.EventTooLargeException;

/** A change whose event is too large to publish is the request's size problem: 413, as a problem document. */
@Singleton
@Produces(Problem.CONTENT_TYPE)
class EventTooLargeHandler implements ExceptionHandler<EventTooLargeException, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> processor;

    EventTooLargeHandler(ErrorResponseProcessor<?> processor) {
        this.processor = processor;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, EventTooLargeException exception) {
        return processor.processResponse(ErrorContext.builder(request).cause(exception)
                .errorMessage(exception.getMessage()).build(), HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE));
    }
}

package org.careergraph.platform.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Renders {@link ProblemException} through the same processor as every framework error. */
@Singleton
@Produces(Problem.CONTENT_TYPE)
class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> processor;

    ProblemExceptionHandler(ErrorResponseProcessor<?> processor) {
        this.processor = processor;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ProblemException exception) {
        ErrorContext.Builder context = ErrorContext.builder(request).cause(exception).errorMessage(exception.getMessage());
        for (Problem.FieldError field : exception.errors()) {
            context.error(new Error() {
                @Override
                public String getMessage() {
                    return field.message();
                }

                @Override
                public Optional<String> getPath() {
                    return Optional.of(field.field());
                }
            });
        }
        MutableHttpResponse<?> response = processor.processResponse(context.build(),
                HttpResponse.status(exception.status()));
        exception.retryAfterSeconds().ifPresent(seconds -> response.header(HttpHeaders.RETRY_AFTER,
                String.valueOf(seconds)));
        return response;
    }
}

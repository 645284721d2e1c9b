package org.careergraph.notification.subscription;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.careergraph.platform.web.Problem;

/** The 429 problem of {@link SubscribeRateLimit}, with Retry-After (the platform's problems carry no headers). */
@Singleton
@Produces(Problem.CONTENT_TYPE)
class RateLimitedHandler implements ExceptionHandler<SubscribeRateLimit.Exceeded, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> processor;

    RateLimitedHandler(ErrorResponseProcessor<?> processor) {
        this.processor = processor;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, SubscribeRateLimit.Exceeded exception) {
        ErrorContext context = ErrorContext.builder(request).cause(exception).errorMessage(exception.getMessage())
                .build();
        return processor.processResponse(context, HttpResponse.status(exception.status()))
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(exception.retryAfterSeconds()));
    }
}

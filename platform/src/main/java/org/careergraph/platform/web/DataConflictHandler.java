package org.careergraph.platform.web;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.sql.SQLIntegrityConstraintViolationException;

/**
 * A write that lost a race to an equal one (two creates of the same id) breaks a unique key: that is a conflict the
 * caller can resolve by reading again, not a server error. Any other database failure stays a 500.
 */
@Singleton
@Produces(Problem.CONTENT_TYPE)
class DataConflictHandler implements ExceptionHandler<DataAccessException, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> processor;

    DataConflictHandler(ErrorResponseProcessor<?> processor) {
        this.processor = processor;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, DataAccessException exception) {
        boolean conflict = false;
        for (Throwable cause = exception; cause != null && !conflict; cause = cause.getCause()) {
            conflict = cause instanceof SQLIntegrityConstraintViolationException;
        }
        ErrorContext.Builder context = ErrorContext.builder(request).cause(exception);
        if (conflict) {
            context.errorMessage("The request conflicts with a change made at the same time; read again and retry.");
        }
        return processor.processResponse(context.build(),
                HttpResponse.status(conflict ? HttpStatus.CONFLICT : HttpStatus.INTERNAL_SERVER_ERROR));
    }
}

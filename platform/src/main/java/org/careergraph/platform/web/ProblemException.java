package org.careergraph.platform.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import java.time.Duration;
import java.util.List;

/** Thrown by a service to answer with a problem: a status, a sentence, and the fields at fault if any. */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final List<Problem.FieldError> errors;
    private final @Nullable Duration retryAfter;

    public ProblemException(HttpStatus status, String detail, List<Problem.FieldError> errors) {
        this(status, detail, errors, null);
    }

    private ProblemException(HttpStatus status, String detail, List<Problem.FieldError> errors,
                             @Nullable Duration retryAfter) {
        super(detail);
        this.status = status;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    /**
     * A refusal the caller may try again after {@code retryAfter} (429 too many requests, 503 busy): answered with a
     * Retry-After header in whole seconds, at least one.
     */
    public static ProblemException tryAgainLater(HttpStatus status, String detail, Duration retryAfter) {
        return new ProblemException(status, detail, List.of(), retryAfter);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, detail, List.of());
    }

    /** A request that is well-formed but refers to something that does not exist or breaks a rule. */
    public static ProblemException invalidField(String field, String message) {
        return invalidFields(List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException invalidFields(List<Problem.FieldError> errors) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "The request has invalid fields.", errors);
    }

    /** A query parameter the endpoint cannot read: a 400 naming it. */
    public static ProblemException badParameter(String parameter, String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "The request has invalid parameters.",
                List.of(new Problem.FieldError(parameter, message)));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(HttpStatus.CONFLICT, detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    /** Whole seconds to wait before trying again, when the problem says so. */
    public java.util.OptionalLong retryAfterSeconds() {
        return retryAfter == null ? java.util.OptionalLong.empty()
                : java.util.OptionalLong.of(Math.max(1, (retryAfter.toMillis() + 999) / 1000));
    }
}

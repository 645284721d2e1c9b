package org.careergraph.platform.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.type.Argument;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.HttpStatus;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.serde.exceptions.SerdeException;
import jakarta.inject.Singleton;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error of every service as {@code application/problem+json} (RFC 9457): malformed JSON, failed validation
 * (one entry per field), unknown routes, refused authentication, and our own {@link ProblemException}. A server error
 * answers with a reference to the log line, never with the exception's text or stack trace.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
class ProblemResponseProcessor implements ErrorResponseProcessor<Problem> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponseProcessor.class);
    private static final Pattern INTERNALS = Pattern.compile("class |org\\.careergraph|io\\.micronaut|java\\.");

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.status();
        String detail;
        List<Problem.FieldError> fields = new ArrayList<>();
        if (status.getCode() >= 500 && isMalformedAddress(context)) {
            // The server could not parse the address (?q=%zz): it failed before any filter or route, the caller's fault.
            status = HttpStatus.BAD_REQUEST;
            response.status(status);
            detail = "The request's address is not valid: a % must start two hexadecimal digits.";
        } else if (status.getCode() >= 500) {
            String reference = UUID.randomUUID().toString();
            LOG.error("Request {} {} failed (reference {})", context.getRequest().getMethod(),
                    context.getRequest().getPath(), reference, context.getRootCause().orElse(null));
            detail = "The server could not complete the request; reference " + reference + ".";
        } else if (unreadableParameter(context).isPresent()) {
            // A query, path or header value of the wrong type (?minScore=high): the parameter is the field at fault.
            Argument<?> parameter = unreadableParameter(context).get().getArgument();
            fields.add(new Problem.FieldError(parameter.getName(), expected(parameter.getType())));
            detail = "The request has invalid fields.";
        } else if (context.getRootCause().filter(ProblemResponseProcessor::isUnreadableBody).isPresent()) {
            // The binder's messages name our classes; the caller only needs to know the body did not fit.
            String reason = context.getErrors().stream().map(Error::getMessage).findFirst().orElse("");
            detail = "The request body is not JSON of the expected shape"
                    + (INTERNALS.matcher(reason).find() || reason.isBlank() ? "." : ": " + reason);
        } else {
            // Our own exceptions name fields as the caller sees them; validation paths need trimming.
            boolean ours = context.getRootCause().filter(ProblemException.class::isInstance).isPresent();
            List<String> messages = new ArrayList<>();
            for (Error error : context.getErrors()) {
                if (error.getPath().isPresent()) {
                    String path = error.getPath().get();
                    fields.add(new Problem.FieldError(ours ? path : fieldOf(path), error.getMessage()));
                } else {
                    messages.add(error.getMessage());
                }
            }
            detail = messages.isEmpty() ? (fields.isEmpty() ? null : "The request has invalid fields.")
                    : String.join("; ", messages);
        }
        Problem problem = new Problem("about:blank", status.getReason(), status.getCode(), detail,
                context.getRequest().getPath(), fields);
        return response.contentType(Problem.CONTENT_TYPE).body(problem);
    }

    /**
     * The request's own address failed to parse: a URISyntaxException on a request target ("/path?q=%zz"). One on an
     * absolute URL (a webhook address our code parses) stays a server error.
     */
    private static boolean isMalformedAddress(ErrorContext context) {
        for (Throwable e = context.getRootCause().orElse(null); e != null; e = e.getCause()) {
            if (e instanceof URISyntaxException syntax && syntax.getInput() != null
                    && syntax.getInput().startsWith("/")) {
                return true;
            }
        }
        return false;
    }

    private static Optional<ConversionErrorException> unreadableParameter(ErrorContext context) {
        return context.getRootCause().filter(ConversionErrorException.class::isInstance)
                .map(ConversionErrorException.class::cast)
                .filter(e -> !e.getArgument().getAnnotationMetadata().hasAnnotation(Body.class));
    }

    /** What a parameter of this type takes, in the caller's terms. */
    static String expected(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants());
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "must be an ISO 8601 " + (type == LocalDate.class ? "date (2026-12-01)" : "time");
        }
        return "is not in the expected format";
    }

    private static boolean isUnreadableBody(Throwable error) {
        return error instanceof ConversionErrorException || error instanceof JsonSyntaxException
                || error instanceof SerdeException;
    }

    /**
     * Validation paths name the method and its parameter first ("create.request.salaryBands[0].min"); the caller
     * knows only the field inside the body or the parameter itself.
     */
    static String fieldOf(String path) {
        String[] nodes = path.split("\\.");
        if (nodes.length >= 3) {
            return String.join(".", List.of(nodes).subList(2, nodes.length));
        }
        return nodes[nodes.length - 1];
    }
}

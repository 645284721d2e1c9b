package org.careergraph.immigration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.util.List;
import java.util.Map;

/** Assertions on RFC 9457 problem answers. */
public final class Problems {

    private Problems() {
    }

    /** Asserts the status and the problem+json body; returns the body. */
    public static Map<?, ?> assertProblem(HttpClientResponseException e, HttpStatus status) {
        assertEquals(status, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        Map<?, ?> problem = e.getResponse().getBody(Argument.of(Map.class)).orElseThrow();
        assertEquals(status.getCode(), ((Number) problem.get("status")).intValue());
        return problem;
    }

    /** The fields a problem names, in its order. */
    public static List<String> fields(Map<?, ?> problem) {
        Object errors = problem.get("errors");
        return errors == null ? List.of()
                : ((List<?>) errors).stream().map(e -> (String) ((Map<?, ?>) e).get("field")).toList();
    }

    /** The message for one field. */
    public static String message(Map<?, ?> problem, String field) {
        return ((List<?>) problem.get("errors")).stream().map(e -> (Map<?, ?>) e)
                .filter(e -> field.equals(e.get("field"))).map(e -> (String) e.get("message")).findFirst()
                .orElseThrow(() -> new AssertionError("no error for " + field + " in " + problem));
    }
}

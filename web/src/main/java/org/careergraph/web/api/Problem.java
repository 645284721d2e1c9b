package org.careergraph.web.api;

import io.micronaut.core.annotation.Nullable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A refused call's problem (RFC 9457): its detail (else its title) as the service gave it, and the fields at fault by
 * field path ({@code changes[0].value}). Both are empty when the body is no problem.
 */
public record Problem(@Nullable String detailAsGiven, Map<String, String> fieldErrors) {

    private static final Pattern INTERNALS = Pattern.compile(
            "\\b(?:java|javax|jakarta|io\\.micronaut|org\\.careergraph|com\\.fasterxml)\\.[\\w.$]+|\\w+(?:Exception|Error)\\b"
                    + "|\\bclass [\\w.$]+");
    /** A field's error when the service's own words cannot be shown. */
    static final String NOT_ACCEPTED = "is not accepted";

    /**
     * The problem's detail, else its title; null when there is none, or when its words name a service's internals (a
     * class or an exception), which a page never repeats: the page then says it in its own words. Only the console's
     * dead letters, diagnostics for the admin who replays them, show {@link #detailAsGiven}.
     */
    @Nullable
    public String detail() {
        return detailAsGiven == null || namesInternals(detailAsGiven) ? null : detailAsGiven;
    }

    static Problem of(Map<String, Object> body) {
        Object detail = body.get("detail");
        Object title = body.get("title");
        Map<String, String> errors = new LinkedHashMap<>();
        if (body.get("errors") instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> error && error.get("field") != null) {
                    String message = String.valueOf(error.get("message"));
                    errors.merge(String.valueOf(error.get("field")),
                            namesInternals(message) ? NOT_ACCEPTED : message, (a, b) -> a + "; " + b);
                }
            }
        }
        return new Problem(detail != null ? detail.toString() : title != null ? title.toString() : null,
                Collections.unmodifiableMap(errors));
    }

    /** Words such as {@code java.lang.Integer}, {@code NumberFormatException thrown}, {@code class org.…}. */
    static boolean namesInternals(String text) {
        return INTERNALS.matcher(text).find();
    }
}

package org.careergraph.web.api;

import io.micronaut.core.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A service's answer: its status and its JSON body as maps and lists. A problem (RFC 9457) answer
 * gives its detail and the fields at fault.
 */
public record ApiResponse(int status, @Nullable Object body) {

    private static final Pattern INTERNALS = Pattern.compile(
            "\\b(?:java|javax|jakarta|io\\.micronaut|org\\.careergraph|com\\.fasterxml)\\.[\\w.$]+|\\w+(?:Exception|Error)\\b"
                    + "|\\bclass [\\w.$]+");
    /** A field's error when the service's own words cannot be shown. */
    static final String NOT_ACCEPTED = "is not accepted";

    public boolean isSuccess() {
        return status / 100 == 2;
    }

    /** The body as a JSON object; an empty map when it is none. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> json() {
        return body instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** The body as a JSON array; an empty list when it is none. */
    @SuppressWarnings("unchecked")
    public List<Object> list() {
        return body instanceof List<?> list ? (List<Object>) list : List.of();
    }

    /**
     * A problem's detail, else its title; null when the body is no problem, or when its words name a service's
     * internals (a class or an exception), which a page never repeats: the page then says it in its own words.
     */
    @Nullable
    public String problemDetail() {
        String text = problemDetailAsGiven();
        return text == null || namesInternals(text) ? null : text;
    }

    /**
     * A problem's detail (else its title) as the service gave it, internals and all: only for the console's dead
     * letters, whose errors are diagnostics for the admin who replays them.
     */
    @Nullable
    public String problemDetailAsGiven() {
        Object detail = json().get("detail");
        Object title = json().get("title");
        return detail != null ? detail.toString() : title != null ? title.toString() : null;
    }

    /** Words such as {@code java.lang.Integer}, {@code NumberFormatException thrown}, {@code class org.…}. */
    static boolean namesInternals(String text) {
        return INTERNALS.matcher(text).find();
    }

    /** A problem's invalid fields, by field path ({@code changes[0].value}); empty when there are none. */
    public Map<String, String> fieldErrors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (json().get("errors") instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> error && error.get("field") != null) {
                    String message = String.valueOf(error.get("message"));
                    errors.merge(String.valueOf(error.get("field")),
                            namesInternals(message) ? NOT_ACCEPTED : message, (a, b) -> a + "; " + b);
                }
            }
        }
        return errors;
    }
}

package org.careergraph.web.api;

import io.micronaut.core.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's answer: its status and its JSON body as maps and lists. A problem (RFC 9457) answer
 * gives its detail and the fields at fault.
 */
public record ApiResponse(int status, @Nullable Object body) {

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

    /** A problem's detail, else its title; null when the body is no problem. */
    @Nullable
    public String problemDetail() {
        Object detail = json().get("detail");
        Object title = json().get("title");
        return detail != null ? detail.toString() : title != null ? title.toString() : null;
    }

    /** A problem's invalid fields, by field path ({@code changes[0].value}); empty when there are none. */
    public Map<String, String> fieldErrors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (json().get("errors") instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> error && error.get("field") != null) {
                    errors.merge(String.valueOf(error.get("field")), String.valueOf(error.get("message")),
                            (a, b) -> a + "; " + b);
                }
            }
        }
        return errors;
    }
}

package org.careergraph.web.watch;

import io.micronaut.core.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.Map;

/** A service's field paths mapped onto the form's fields: {@code kinds[2]} is the kinds checkboxes' error. */
final class FieldErrors {

    private FieldErrors() {
    }

    static Map<String, String> forForm(Map<String, String> apiErrors, @Nullable String detail) {
        Map<String, String> errors = new LinkedHashMap<>();
        apiErrors.forEach((field, message) -> errors.merge(
                field.replaceAll("\\[\\d+]$", "").replaceAll("\\[\\d+]\\.", "."),
                message, (a, b) -> a.equals(b) ? a : a + "; " + b));
        if (errors.isEmpty() && detail != null) {
            errors.put("form", detail);
        }
        return errors;
    }
}

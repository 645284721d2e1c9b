package org.careergraph.web.watch;

import java.util.LinkedHashMap;
import java.util.Map;
import org.careergraph.web.api.Problem;

/** A service's field paths mapped onto the form's fields: {@code kinds[2]} is the kinds checkboxes' error. */
final class FieldErrors {

    private FieldErrors() {
    }

    /** The problem's field errors on the form's fields; without any, its detail as the whole form's error. */
    static Map<String, String> forForm(Problem problem) {
        String detail = problem.detail();
        Map<String, String> errors = new LinkedHashMap<>();
        problem.fieldErrors().forEach((field, message) -> errors.merge(
                field.replaceAll("\\[\\d+]$", "").replaceAll("\\[\\d+]\\.", "."),
                message, (a, b) -> a.equals(b) ? a : a + "; " + b));
        if (errors.isEmpty() && detail != null) {
            errors.put("form", detail);
        }
        return errors;
    }
}

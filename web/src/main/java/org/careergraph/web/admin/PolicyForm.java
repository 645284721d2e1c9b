package org.careergraph.web.admin;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.careergraph.web.view.Form;

/**
 * The policy update form: the update's fields and a fixed number of change rows (no script adds rows); blank rows
 * are left out of the request, and the service's {@code changes[i]} errors are put back on the row they came from. A
 * rule is removed only when its row says so: a row that simply lacks a value is an error, not a removal.
 */
record PolicyForm(Map<String, String> fields, List<Map<String, String>> rows) {

    static final int ROWS = 6;
    static final List<String> FIELDS = List.of("country", "effectiveFrom", "source", "note");
    static final List<String> ROW_FIELDS = List.of("kind", "codeSystem", "code", "key", "value", "effectiveTo",
            "remove");
    private static final Pattern CHANGE_FIELD = Pattern.compile("^changes\\[(\\d+)](.*)$");

    /** Every field the form sends but the form token: each holds one line. */
    static List<String> fieldNames() {
        List<String> names = new ArrayList<>(FIELDS);
        for (int i = 0; i < ROWS; i++) {
            for (String field : ROW_FIELDS) {
                names.add("changes[" + i + "]." + field);
            }
        }
        names.add("action");
        return names;
    }

    static PolicyForm empty(@Nullable String country) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("country", country == null ? "NZ" : country);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(Map.of());
        }
        return new PolicyForm(fields, rows);
    }

    static PolicyForm of(Form form) {
        Map<String, String> fields = new LinkedHashMap<>();
        FIELDS.forEach(name -> fields.put(name, form.get(name)));
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            Map<String, String> row = new LinkedHashMap<>();
            for (String field : ROW_FIELDS) {
                row.put(field, form.get("changes[" + i + "]." + field));
            }
            rows.add(row);
        }
        return new PolicyForm(fields, rows);
    }

    /** The row numbers that hold a change, in order: the request's {@code changes[i]} is the i-th of these. */
    private List<Integer> filledRows() {
        List<Integer> filled = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).values().stream().anyMatch(v -> v != null && !v.isBlank())) {
                filled.add(i);
            }
        }
        return filled;
    }

    /** The policy update request; fields left blank are left out (the service's defaults and checks apply). */
    Map<String, Object> request() {
        Map<String, Object> body = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (value != null) {
                body.put(name, value);
            }
        });
        List<Map<String, Object>> changes = new ArrayList<>();
        for (int i : filledRows()) {
            Map<String, Object> change = new LinkedHashMap<>();
            rows.get(i).forEach((name, value) -> {
                if (value != null && !name.equals("remove")) {
                    change.put(name, value);
                }
            });
            if (removes(rows.get(i))) {
                change.put("value", null); // the API's way to say "this rule no longer applies"
            }
            changes.add(change);
        }
        body.put("changes", changes);
        return body;
    }

    /** Rows with a change but neither a value nor "remove" ticked, as errors on their value field. */
    Map<String, String> missingValues(String message) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (int i : filledRows()) {
            if (rows.get(i).get("value") == null && !removes(rows.get(i))) {
                errors.put("changes[" + i + "].value", message);
            }
        }
        return errors;
    }

    private static boolean removes(Map<String, String> row) {
        return "true".equals(row.get("remove"));
    }

    /** The service's field paths as the form's: {@code changes[1].value} of the second filled row, say row 4. */
    Map<String, String> formErrors(Map<String, String> apiErrors) {
        List<Integer> filled = filledRows();
        Map<String, String> errors = new LinkedHashMap<>();
        apiErrors.forEach((field, message) -> {
            Matcher change = CHANGE_FIELD.matcher(field);
            if (change.matches() && Integer.parseInt(change.group(1)) < filled.size()) {
                errors.put("changes[" + filled.get(Integer.parseInt(change.group(1))) + "]" + change.group(2), message);
            } else {
                errors.put(field, message);
            }
        });
        return errors;
    }
}

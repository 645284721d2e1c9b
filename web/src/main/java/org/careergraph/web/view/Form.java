package org.careergraph.web.view;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A submitted HTML form ({@code application/x-www-form-urlencoded}): each field with every value it was sent. Values
 * are read strictly ({@link Input}): a value whose bytes are no UTF-8 is kept aside as unreadable, and a controller
 * asks {@link #notOneLine} or {@link #notText} for the fields it would pass on, before it passes anything on.
 */
public final class Form {

    private final Map<String, List<String>> fields;
    private final Set<String> unreadable;

    private Form(Map<String, List<String>> fields, Set<String> unreadable) {
        this.fields = fields;
        this.unreadable = unreadable;
    }

    /**
     * The fields of a form body; a body that is not URL-encoded (a stray {@code %}, a field name that is no UTF-8)
     * is the client's error: 400.
     */
    public static Form parse(@Nullable String body) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        Set<String> unreadable = new LinkedHashSet<>();
        if (body != null && !body.isEmpty()) {
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = Input.decode(equals < 0 ? pair : pair.substring(0, equals), true)
                        .filter(Input::isOneLine).orElseThrow(Form::notUrlEncoded);
                String encoded = equals < 0 ? "" : pair.substring(equals + 1);
                String value = Input.decode(encoded, true).orElse(null);
                if (value == null) {
                    if (!encoded.matches("[^%]*(%[0-9A-Fa-f]{2}[^%]*)*")) {
                        throw notUrlEncoded();
                    }
                    unreadable.add(name);
                    value = "";
                }
                fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        return new Form(fields, unreadable);
    }

    private static HttpStatusException notUrlEncoded() {
        return new HttpStatusException(HttpStatus.BAD_REQUEST, "The form is not URL-encoded");
    }

    /** The field's first value, stripped; null when it is absent or blank. */
    @Nullable
    public String get(String name) {
        List<String> values = fields.get(name);
        if (values == null || values.isEmpty() || values.getFirst().isBlank()) {
            return null;
        }
        return values.getFirst().strip();
    }

    /** Every non-blank value of the field (checkboxes), stripped. */
    public List<String> all(String name) {
        return fields.getOrDefault(name, List.of()).stream().filter(v -> !v.isBlank()).map(String::strip).toList();
    }

    /** Of these fields, those with a value that is no one line of text (a control character, no UTF-8). */
    public List<String> notOneLine(List<String> names) {
        return faulty(names, Input::isOneLine);
    }

    /** Of these fields, those with a value that is no text (a control character other than a line break, no UTF-8). */
    public List<String> notText(List<String> names) {
        return faulty(names, Input::isText);
    }

    /** This form without these fields: what is shown again beside their errors, rather than what was refused. */
    public Form without(List<String> names) {
        Map<String, List<String>> kept = new LinkedHashMap<>(fields);
        names.forEach(kept::remove);
        Set<String> stillUnreadable = new LinkedHashSet<>(unreadable);
        names.forEach(stillUnreadable::remove);
        return new Form(kept, stillUnreadable);
    }

    private List<String> faulty(List<String> names, Predicate<String> fits) {
        return names.stream().filter(name -> unreadable.contains(name)
                || fields.getOrDefault(name, List.of()).stream().anyMatch(fits.negate())).toList();
    }
}

package org.careergraph.web;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/** Query strings, form bodies and path segments, for the pages' own links and for the service clients' calls alike. */
public final class Urls {

    private Urls() {
    }

    /** A query string from the parameters that have a value, each encoded; empty when none has. */
    public static String query(Map<String, ?> parameters) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        parameters.forEach((name, value) -> {
            if (value != null && !value.toString().isBlank()) {
                query.add(name + "=" + encode(value.toString()));
            }
        });
        return query.toString();
    }

    /**
     * Form fields ({@code application/x-www-form-urlencoded}, as a body or a query to append), names and values
     * encoded; unlike {@link #query}, every field is kept, blank or not, and there is no leading {@code ?}.
     */
    public static String form(Map<String, String> fields) {
        StringJoiner form = new StringJoiner("&");
        fields.forEach((name, value) -> form.add(encode(name) + "=" + encode(value)));
        return form.toString();
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An id taken from a URL, fit to put back into a path ({@code .} and {@code ..} are no ids: 404). */
    public static String segment(String id) {
        if (id.equals(".") || id.equals("..")) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "No such page");
        }
        return encode(id).replace("+", "%20");
    }
}

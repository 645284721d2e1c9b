package org.careergraph.testsupport.hostile;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Valid values a service's test supplies where the route description cannot know one: an existing id for a path
 * variable, a valid body (with fresh ids, so that a wrongly accepted variant would store something), a manage token
 * header. Hostile requests start from these so that one thing only is wrong at a time. Bodies are looked up by route
 * ("POST /api/x/{id}") first, then by body type; without either the walker builds one from the type's introspection.
 */
public final class Examples {

    private final Map<String, Supplier<String>> pathValues = new HashMap<>();
    private final Map<String, String> headers = new HashMap<>();
    private final Map<Object, Supplier<String>> bodies = new HashMap<>();

    public static Examples create() {
        return new Examples();
    }

    /** A valid value for a path variable of this name in every route. */
    public Examples pathValue(String variable, String value) {
        pathValues.put(variable, () -> value);
        return this;
    }

    /** A valid value for a path variable of one route template (e.g. "/api/scores/{occupationId}"). */
    public Examples pathValue(String template, String variable, String value) {
        return pathValue(template, variable, () -> value);
    }

    /**
     * A fresh valid value per request, for a route whose valid request uses its target up (a withdrawal): called
     * while the route's requests are prepared, before any is sent.
     */
    public Examples pathValue(String template, String variable, Supplier<String> value) {
        pathValues.put(template + "#" + variable, value);
        return this;
    }

    /** A valid value for a declared header (e.g. a manage token). */
    public Examples header(String name, String value) {
        headers.put(name.toLowerCase(java.util.Locale.ROOT), value);
        return this;
    }

    /** A valid body for every route whose body is of this type. */
    public Examples body(Class<?> bodyType, Supplier<String> body) {
        bodies.put(bodyType, body);
        return this;
    }

    /**
     * A valid body for one route, named "METHOD template" (e.g. "PUT /api/occupations/{id}"), or "METHOD template
     * content-type" where two routes share a path (e.g. "POST /api/occupations/import text/plain").
     */
    public Examples body(String route, Supplier<String> body) {
        bodies.put(route, body);
        return this;
    }

    Optional<String> validPathValue(String template, String variable) {
        Supplier<String> value = pathValues.getOrDefault(template + "#" + variable, pathValues.get(variable));
        return Optional.ofNullable(value).map(Supplier::get);
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    Optional<Supplier<String>> body(RouteShape route) {
        Supplier<String> byRoute = bodies.getOrDefault(route.name() + " " + route.contentType(),
                bodies.get(route.name()));
        if (byRoute != null) {
            return Optional.of(byRoute);
        }
        return route.body() == null ? Optional.empty() : Optional.ofNullable(bodies.get(route.body().getType()));
    }
}

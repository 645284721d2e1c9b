package org.careergraph.testsupport.hostile;

import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.CookieValue;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One route as the running service declares it: method, URI template, and its controller method's inputs (path
 * variables, query values, headers, body) with their declared types.
 */
record RouteShape(HttpMethod method, String template, Map<String, Argument<?>> pathVariables,
                  Map<String, Argument<?>> queryValues, Map<String, Argument<?>> headers, Argument<?> body,
                  boolean bodyRequired, List<MediaType> consumes) {

    private static final Pattern VARIABLE = Pattern.compile("\\{([+#./;?&]?)([A-Za-z0-9_]+)(:[^}]*)?}");
    private static final Set<Class<?>> TEXT_BODIES = Set.of(String.class, CharSequence.class, InputStream.class,
            byte[].class, ByteBuffer.class);

    /** What a body is read as, which decides what hostile bodies look like. */
    enum BodyKind { NONE, JSON, TEXT, MULTIPART, FORM }

    /** Every URI route of the router, in a stable order (template, then method). */
    static List<RouteShape> all(Router router) {
        return router.uriRoutes().map(RouteShape::of)
                .sorted(Comparator.comparing(RouteShape::template).thenComparing(r -> r.method().name()))
                .distinct().toList();
    }

    static RouteShape of(UriRouteInfo<?, ?> route) {
        String template = route.getUriMatchTemplate().toString();
        List<String> templateVariables = route.getUriMatchTemplate().getVariableNames();
        Map<String, Argument<?>> path = new LinkedHashMap<>();
        Map<String, Argument<?>> query = new LinkedHashMap<>();
        Map<String, Argument<?>> headers = new LinkedHashMap<>();
        Argument<?> body = null;
        for (Argument<?> argument : route.getTargetMethod().getArguments()) {
            AnnotationMetadata meta = argument.getAnnotationMetadata();
            if (meta.hasAnnotation(Body.class)) {
                if (meta.stringValue(Body.class).isEmpty()) {
                    body = argument;
                }
            } else if (meta.hasAnnotation(PathVariable.class)) {
                path.put(meta.stringValue(PathVariable.class).orElse(argument.getName()), argument);
            } else if (meta.hasAnnotation(QueryValue.class)) {
                query.put(meta.stringValue(QueryValue.class).orElse(argument.getName()), argument);
            } else if (meta.hasAnnotation(Header.class)) {
                headers.put(meta.stringValue(Header.class).orElse(hyphenated(argument.getName())), argument);
            } else if (meta.hasAnnotation(CookieValue.class) || meta.hasAnnotation(RequestAttribute.class)) {
                continue;
            } else if (templateVariables.contains(argument.getName())) {
                path.put(argument.getName(), argument);
            } else if (Probes.isSimple(argument.getType())) {
                // An argument without annotation and of a simple type is bound from the query string.
                query.put(argument.getName(), argument);
            }
        }
        for (String variable : templateVariables) {
            if (!path.containsKey(variable) && !query.containsKey(variable)) {
                path.put(variable, Argument.STRING);
            }
        }
        boolean required = body != null && !body.isNullable();
        return new RouteShape(route.getHttpMethod(), template, path, query, headers, body, required,
                route.getConsumes());
    }

    BodyKind bodyKind() {
        if (body != null) {
            Class<?> type = body.getType();
            if (type.getName().startsWith("io.micronaut.http.server.multipart")
                    || type.getName().startsWith("io.micronaut.http.multipart")
                    || consumes.contains(MediaType.MULTIPART_FORM_DATA_TYPE) && consumes.size() == 1) {
                return BodyKind.MULTIPART;
            }
            return TEXT_BODIES.contains(type) ? BodyKind.TEXT : BodyKind.JSON;
        }
        boolean takesBody = method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
        return takesBody && consumes.contains(MediaType.APPLICATION_FORM_URLENCODED_TYPE) ? BodyKind.FORM
                : BodyKind.NONE;
    }

    /** The content type a valid request sends: the route's first declared one, else JSON. */
    String contentType() {
        BodyKind kind = bodyKind();
        if (kind == BodyKind.FORM) {
            return MediaType.APPLICATION_FORM_URLENCODED;
        }
        return consumes.stream().filter(t -> !t.equals(MediaType.ALL_TYPE)).findFirst().map(MediaType::toString)
                .orElse(kind == BodyKind.TEXT ? MediaType.TEXT_PLAIN : MediaType.APPLICATION_JSON);
    }

    /** "GET /api/x/{id}": how examples and findings name the route. */
    String name() {
        return method + " " + template;
    }

    /** The name, with the content type when the route reads a body other than JSON (two routes may share a path). */
    String label() {
        BodyKind kind = bodyKind();
        return kind == BodyKind.TEXT || kind == BodyKind.MULTIPART ? name() + " [" + contentType() + "]" : name();
    }

    /** The path with each variable replaced by its (already encoded) value, query templates dropped. */
    String path(Map<String, String> values) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String operator = m.group(1);
            String value = values.get(m.group(2));
            String replacement = operator.equals("?") || operator.equals("&") || value == null ? ""
                    : (operator.equals("/") ? "/" : "") + value;
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.isEmpty() ? "/" : out.toString();
    }

    private static String hyphenated(String name) {
        return name.replaceAll("([a-z])([A-Z])", "$1-$2");
    }
}

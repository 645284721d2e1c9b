package org.careergraph.testsupport.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * A service's OpenAPI document against its router: every route in the document with the same method, path and roles,
 * and nothing in the document that is not a route. The management endpoints ({@code /health}, {@code /prometheus})
 * are not part of the API: the edge does not route them.
 */
public final class ApiDocumentCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final Pattern QUERY_PART = Pattern.compile("\\{[?&][^}]*}");
    private static final Pattern VARIABLE = Pattern.compile("\\{[+#./;]?([A-Za-z0-9_]+)(:[^}]*)?}");
    private static final List<String> MANAGEMENT = List.of("/health", "/prometheus");
    // By name: test-support does not depend on micronaut-security.
    private static final String SECURED = "io.micronaut.security.annotation.Secured";
    private static final String ANONYMOUS = "isAnonymous()";
    private static final String AUTHENTICATED = "isAuthenticated()";

    /**
     * One operation: the method, the path as OpenAPI writes it, and the roles that may call it (empty: anyone).
     */
    public record Operation(String method, String path, Set<String> roles) {

        @Override
        public String toString() {
            return method + " " + path + (roles.isEmpty() ? " (anyone)" : " " + roles);
        }
    }

    private ApiDocumentCheck() {
    }

    /**
     * Fetches the document where the service serves it, without a token, and fails listing every difference from
     * the router; returns the document.
     */
    public static String assertServedAndComplete(URI service, String path, Router router) {
        HttpResponse<String> answer;
        try (HttpClient http = HttpClient.newHttpClient()) {
            answer = http.send(HttpRequest.newBuilder(service.resolve(path)).build(), BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        String type = answer.headers().firstValue("Content-Type").orElse("");
        if (answer.statusCode() != 200 || !type.startsWith("application/yaml")) {
            throw new AssertionError("GET " + path + " answered " + answer.statusCode() + " " + type);
        }
        if (!answer.body().startsWith("openapi: 3.1.")) {
            throw new AssertionError("not an OpenAPI 3.1 document: " + answer.body().lines().findFirst().orElse(""));
        }
        List<String> differences = differences(routes(router), documented(answer.body()));
        if (!differences.isEmpty()) {
            throw new AssertionError("the OpenAPI document and the routes differ:\n  "
                    + String.join("\n  ", differences));
        }
        return answer.body();
    }

    /**
     * The router's operations: the service's own (not the tests'), without the management endpoints and without
     * the HEAD route Micronaut adds beside each GET.
     */
    public static Set<Operation> routes(Router router) {
        Set<Operation> operations = new TreeSet<>(ApiDocumentCheck::compare);
        router.uriRoutes().filter(route -> !fromTests(route.getDeclaringType())).forEach(route -> {
            String path = openApiPath(route.getUriMatchTemplate().toString());
            String method = route.getHttpMethodName().toUpperCase(Locale.ROOT);
            if (MANAGEMENT.stream().noneMatch(m -> path.equals(m) || path.startsWith(m + "/"))) {
                operations.add(new Operation(method, path, roles(route)));
            }
        });
        Set<String> gets = new TreeSet<>();
        operations.stream().filter(o -> o.method().equals("GET")).forEach(o -> gets.add(o.path()));
        operations.removeIf(o -> o.method().equals("HEAD") && gets.contains(o.path()));
        return operations;
    }

    /** Whether the class was compiled from test sources (Maven's target/test-classes). */
    private static boolean fromTests(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source != null && source.getLocation().getPath().contains("/test-classes/");
    }

    /** The document's operations, with the roles of its security requirements. */
    @SuppressWarnings("unchecked")
    public static Set<Operation> documented(String yaml) {
        Map<String, Object> document = new Yaml().load(yaml);
        Set<Operation> operations = new TreeSet<>(ApiDocumentCheck::compare);
        Map<String, Object> paths = (Map<String, Object>) document.getOrDefault("paths", Map.of());
        paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((method, operation) -> {
            if (METHODS.contains(method)) {
                Set<String> roles = new TreeSet<>();
                Object security = ((Map<String, Object>) operation).get("security");
                if (security instanceof List<?> requirements) {
                    for (Object requirement : requirements) {
                        for (Collection<String> scopes : ((Map<String, Collection<String>>) requirement).values()) {
                            // A token without named roles: any signed-in caller.
                            roles.addAll(scopes.isEmpty() ? List.of(AUTHENTICATED) : scopes);
                        }
                    }
                }
                operations.add(new Operation(method.toUpperCase(Locale.ROOT), path, roles));
            }
        }));
        return operations;
    }

    /**
     * What is wrong with a request body a service sent to one of its documented webhooks (JSON Schema 2020-12, as
     * OpenAPI 3.1 writes it); empty when it is valid.
     */
    @SuppressWarnings("unchecked")
    public static List<String> webhookProblems(String yaml, String webhook, String body) {
        Map<String, Object> document = new Yaml().load(yaml);
        Object schema = path(document, "webhooks", webhook, "post", "requestBody", "content", "application/json",
                "schema");
        if (schema == null) {
            return List.of("the document has no webhook " + webhook + " with a JSON body");
        }
        try {
            JsonNode schemaNode = JSON.valueToTree(schema);
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode)
                    .validate(JSON.readTree(body)).stream().map(ValidationMessage::getMessage).sorted().toList();
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Object path(Map<String, Object> map, String... keys) {
        Object node = map;
        for (String key : keys) {
            if (!(node instanceof Map<?, ?> m)) {
                return null;
            }
            node = ((Map<String, Object>) m).get(key);
        }
        return node;
    }

    /** What is in one and not the other, one line each; empty when they match. */
    public static List<String> differences(Set<Operation> routes, Set<Operation> documented) {
        Map<String, Operation> byRoute = new TreeMap<>();
        routes.forEach(r -> byRoute.put(r.method() + " " + r.path(), r));
        Map<String, Operation> byDocument = new TreeMap<>();
        documented.forEach(d -> byDocument.put(d.method() + " " + d.path(), d));
        List<String> differences = new ArrayList<>();
        byRoute.forEach((key, route) -> {
            Operation described = byDocument.get(key);
            if (described == null) {
                differences.add("route not in the document: " + route);
            } else if (!described.roles().equals(route.roles())) {
                differences.add("roles differ for " + key + ": route " + route.roles() + ", document "
                        + described.roles());
            }
        });
        byDocument.forEach((key, described) -> {
            if (!byRoute.containsKey(key)) {
                differences.add("in the document but no route: " + described);
            }
        });
        return differences;
    }

    /** {@code /a/{id:[0-9]+}{?q,page}} as OpenAPI writes it: {@code /a/{id}}. */
    static String openApiPath(String template) {
        String path = VARIABLE.matcher(QUERY_PART.matcher(template).replaceAll("")).replaceAll("{$1}");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** The roles {@code @Secured} names on the route or else its controller; none for anonymous. */
    private static Set<String> roles(UriRouteInfo<?, ?> route) {
        String[] named = route.getAnnotationMetadata().stringValues(SECURED);
        if (named.length == 0) {
            named = controllerRoles(route.getDeclaringType());
        }
        Set<String> roles = new TreeSet<>(List.of(named));
        roles.remove(ANONYMOUS);
        return roles;
    }

    /** {@code @Secured} on the controller class, read by reflection (it is kept at run time). */
    private static String[] controllerRoles(Class<?> controller) {
        for (Annotation annotation : controller.getAnnotations()) {
            if (annotation.annotationType().getName().equals(SECURED)) {
                try {
                    return (String[]) annotation.annotationType().getMethod("value").invoke(annotation);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return new String[0];
    }

    private static int compare(Operation a, Operation b) {
        int byPath = a.path().compareTo(b.path());
        return byPath != 0 ? byPath : a.method().compareTo(b.method());
    }
}

package org.careergraph.deploy.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.careergraph.events.Topics;

/**
 * What the code says the deployment must provide, read from the code itself so that the manifests cannot drift from
 * it: the Kafka topics ({@link Topics}), the environment variables each service's configuration reads, and the public
 * routes of the local gateway ({@code org.careergraph.deploy.local.Routes}).
 */
final class CodeFacts {

    /** The four services and the web front, by module name: also their Deployment and Service names. */
    static final List<String> SERVICES = List.of("catalog-service", "immigration-service", "scoring-service",
            "notification-service", "web");

    /**
     * Variables that have a default in the configuration only so that a developer's machine runs without setting
     * them: in a cluster each must be set. {@code ${JWT_SECRET:}} (an empty default) means "required" as well.
     */
    static final List<String> REQUIRED_FOR_SERVICES = List.of("JWT_SECRET", "DB_URL", "DB_USERNAME", "DB_PASSWORD",
            "KAFKA_BOOTSTRAP_SERVERS");
    static final List<String> REQUIRED_FOR_WEB = List.of("JWT_SECRET", "CATALOG_URL", "IMMIGRATION_URL",
            "SCORING_URL", "NOTIFICATION_URL");

    /** ${NAME} or ${NAME:default}: environment variables are upper case; ${careergraph.x} is a property. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:?)");

    private CodeFacts() {
    }

    /** Every topic the code uses, each with its dead-letter twin. */
    static List<String> topics() {
        List<String> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(topic);
            topics.add(Topics.deadLetter(topic));
        }
        return topics;
    }

    /** The anchors of docs/operations.md's headings, as GitHub makes them: lower case, spaces to '-', no punctuation. */
    static Set<String> operationsAnchors() {
        try {
            return Files.readAllLines(Manifests.root().resolve("docs/operations.md")).stream()
                    .filter(line -> line.startsWith("#"))
                    .map(line -> line.replaceFirst("^#+\\s*", "").toLowerCase(java.util.Locale.ROOT)
                            .replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'))
                    .collect(java.util.stream.Collectors.toSet());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The configuration files a service reads: its own application.yml, and the platform's for the four services. */
    static List<Path> configurationFiles(String service) {
        Path root = Manifests.root();
        List<Path> files = new ArrayList<>();
        files.add(root.resolve(service).resolve("src/main/resources/application.yml"));
        if (!service.equals("web")) {
            files.add(root.resolve("platform/src/main/resources/careergraph-platform.yml"));
        }
        return files;
    }

    /** Every environment variable a service's configuration reads, with whether it has a default (a ':'). */
    static Map<String, Boolean> placeholders(String service) {
        Map<String, Boolean> variables = new TreeMap<>();
        for (Path file : configurationFiles(service)) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            Matcher matcher = PLACEHOLDER.matcher(text);
            while (matcher.find()) {
                variables.merge(matcher.group(1), !matcher.group(2).isEmpty(), Boolean::logicalAnd);
            }
        }
        return variables;
    }

    /**
     * The variables a service's container must have: the decided list, and any placeholder without a default. Each
     * decided one must still be read by the configuration, else the list is stale (an AssertionError says so).
     */
    static Set<String> requiredEnvironment(String service) {
        Map<String, Boolean> read = placeholders(service);
        Set<String> required = new LinkedHashSet<>(service.equals("web") ? REQUIRED_FOR_WEB : REQUIRED_FOR_SERVICES);
        for (String variable : required) {
            if (!read.containsKey(variable)) {
                throw new AssertionError(service + "'s configuration (" + configurationFiles(service)
                        + ") no longer reads ${" + variable + "}: update CodeFacts' required variables");
            }
        }
        read.forEach((variable, hasDefault) -> {
            if (!hasDefault) {
                required.add(variable);
            }
        });
        return required;
    }

    /**
     * The local gateway's routing table, read from {@code Routes} (package-private in another package, so by
     * reflection): public path prefix to the module of the service that answers it; "/" is the web front.
     */
    static Map<String, String> publicRoutes() {
        try {
            Class<?> routes = Class.forName("org.careergraph.deploy.local.Routes");
            Field prefixes = routes.getDeclaredField("API_PREFIXES");
            prefixes.setAccessible(true);
            Map<?, ?> table = (Map<?, ?>) prefixes.get(null);
            Map<String, String> result = new LinkedHashMap<>();
            for (Object prefix : table.keySet()) {
                result.put((String) prefix, moduleFor(routes, (String) prefix)
                        .orElseThrow(() -> new AssertionError("Routes has no service for its own prefix " + prefix)));
            }
            result.put("/", moduleFor(routes, "/").orElseThrow(() -> new AssertionError("Routes serves no '/'")));
            return result;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot read the local gateway's routes (org.careergraph.deploy.local.Routes): "
                    + e, e);
        }
    }

    /** Routes.serviceFor(path), as the module name of the service. */
    static Optional<String> moduleFor(String path) {
        try {
            return moduleFor(Class.forName("org.careergraph.deploy.local.Routes"), path);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Optional<String> moduleFor(Class<?> routes, String path) throws ReflectiveOperationException {
        Method serviceFor = routes.getDeclaredMethod("serviceFor", String.class);
        serviceFor.setAccessible(true);
        Optional<?> service = (Optional<?>) serviceFor.invoke(null, path);
        if (service.isEmpty()) {
            return Optional.empty();
        }
        Method module = service.get().getClass().getDeclaredMethod("module");
        module.setAccessible(true);
        return Optional.of((String) module.invoke(service.get()));
    }
}

package org.careergraph.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Who publishes and who consumes which event types, read from the main sources of the repository's other modules:
 * a module publishes a type where its code constructs the payload record ({@code new OccupationChanged(}: payloads
 * are made only to go into the outbox) and consumes it where a class implements {@code EventHandler<OccupationChanged>}
 * (the platform's consumer subscribes to the topics of its handlers' types). The service is the module's
 * {@code micronaut.application.name}, which is also its consumer group and the CloudEvents source's last segment; a
 * module without one is a library or a tool (test-support makes payloads as fixtures), not a publisher.
 */
final class ServiceSources {

    private static final Pattern APPLICATION_NAME = Pattern.compile(
            "(?m)^micronaut:\\s*\\n(?:[ \\t]+.*\\n)*?[ \\t]+application:\\s*\\n[ \\t]+name:\\s*([\\w.-]+)");

    private ServiceSources() {
    }

    /** The repository's root, where the modules are beside this one; empty when this module is built alone. */
    static Optional<Path> repositoryRoot() {
        Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        Path root = module.getParent();
        if (root == null || !Files.isRegularFile(root.resolve("pom.xml"))
                || !Files.isDirectory(root.resolve("platform/src/main/java"))) {
            return Optional.empty();
        }
        return Optional.of(root);
    }

    /** Every module's sends and receives, by the rules above. */
    static Set<AsyncApiChecker.Use> uses(Path root) {
        Set<AsyncApiChecker.Use> uses = new TreeSet<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).sorted().toList()) {
                if (module.getFileName().toString().equals("event-contract")) {
                    continue;
                }
                Optional<String> application = applicationName(module);
                if (application.isEmpty()) {
                    continue; // a library or a tool (platform, test-support, deploy): no service of the system
                }
                String service = application.get();
                for (Path source : javaFiles(module.resolve("src/main/java"))) {
                    String code = Files.readString(source);
                    for (EventType type : EventType.values()) {
                        String record = Pattern.quote(type.payloadType().getSimpleName());
                        if (Pattern.compile("\\bnew\\s+" + record + "\\s*\\(").matcher(code).find()) {
                            uses.add(new AsyncApiChecker.Use(service, "send", type.topic()));
                        }
                        if (Pattern.compile("\\bEventHandler\\s*<\\s*" + record + "\\s*>").matcher(code).find()) {
                            uses.add(new AsyncApiChecker.Use(service, "receive", type.topic()));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return uses;
    }

    private static Optional<String> applicationName(Path module) throws IOException {
        Path config = module.resolve("src/main/resources/application.yml");
        if (!Files.isRegularFile(config)) {
            return Optional.empty();
        }
        Matcher name = APPLICATION_NAME.matcher(Files.readString(config));
        return name.find() ? Optional.of(name.group(1)) : Optional.empty();
    }

    private static List<Path> javaFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }
}

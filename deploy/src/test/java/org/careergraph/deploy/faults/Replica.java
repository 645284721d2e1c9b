package org.careergraph.deploy.faults;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.careergraph.deploy.local.Service;

/** One replica of a service in its own JVM, its output in a log file; killed with SIGKILL and started again. */
final class Replica {

    /** As the local launcher runs them: small heaps and a quick JIT, UTC. */
    private static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx320m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED", "-Duser.timezone=UTC");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Service service;
    private final int index;
    private final int port;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private volatile Process process;
    private int starts;

    Replica(Service service, int index, int port, Path projectRoot, Map<String, String> environment, Path logDir) {
        this.service = service;
        this.index = index;
        this.port = port;
        this.environment = environment;
        this.log = logDir.resolve(name() + ".log");
        this.command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-cp");
        command.add(classpath(projectRoot, service));
        command.add(service.mainClass());
    }

    /** The classpath the service's build wrote (the run profile's runtime-classpath.txt), after its classes. */
    private static String classpath(Path projectRoot, Service service) {
        Path target = projectRoot.resolve(service.module()).resolve("target");
        try {
            String dependencies = Files.readString(target.resolve("runtime-classpath.txt"), UTF_8).strip();
            return target.resolve("classes") + (dependencies.isEmpty() ? "" : File.pathSeparator + dependencies);
        } catch (IOException e) {
            throw new UncheckedIOException(service.module() + " is not built (package it first)", e);
        }
    }

    String name() {
        return service.shortName() + "-" + index;
    }

    Service service() {
        return service;
    }

    URI url() {
        return URI.create("http://localhost:" + port);
    }

    /** Starts it unless it runs already (a late restart must not leave a second JVM no one stops). */
    synchronized void start() {
        if (alive()) {
            return;
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("PORT", String.valueOf(port));
        try {
            Files.writeString(log, "---- start " + (++starts) + "\n", UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name(), e);
        }
    }

    /** SIGKILL, as the kernel's OOM killer or a lost node would: no shutdown hook, no graceful anything. */
    synchronized void kill() throws InterruptedException {
        Process running = process;
        if (running != null && running.isAlive()) {
            running.destroyForcibly();
            running.waitFor();
        }
    }

    /** SIGTERM, waiting for the graceful shutdown (then SIGKILL). */
    synchronized void stop() throws InterruptedException {
        Process running = process;
        if (running != null && running.isAlive()) {
            running.destroy();
            if (!running.waitFor(30, TimeUnit.SECONDS)) {
                running.destroyForcibly().waitFor();
            }
        }
    }

    boolean alive() {
        Process running = process;
        return running != null && running.isAlive();
    }

    boolean ready() {
        if (!alive()) {
            return false;
        }
        try {
            return HTTP.send(HttpRequest.newBuilder(url().resolve("/health/readiness")).timeout(Duration.ofSeconds(3))
                    .build(), BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

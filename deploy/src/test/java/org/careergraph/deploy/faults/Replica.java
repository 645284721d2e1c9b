package org.careergraph.deploy.faults;

import static java.nio.charset.StandardCharsets.UTF_8;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.careergraph.deploy.local.Service;
import org.careergraph.deploy.local.ServiceProcess;

/**
 * One replica of a service in its own JVM, run as the launcher runs it, its output in a log file; killed with SIGKILL
 * and started again.
 */
final class Replica {

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
        this.command = ServiceProcess.command(projectRoot, service);
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

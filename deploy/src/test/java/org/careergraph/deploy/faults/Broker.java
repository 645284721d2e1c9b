package org.careergraph.deploy.faults;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The Kafka broker in its own JVM ({@link BrokerMain}) on a fixed port and data directory: killed and restarted. */
final class Broker {

    private final Path dataDir;
    private final int port;
    private final Path log;
    private Process process;

    Broker(Path dataDir, int port, Path logDir) {
        this.dataDir = dataDir;
        this.port = port;
        this.log = logDir.resolve("broker.log");
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Starts it and waits until it answers (a restart recovers its logs after a kill: seconds). */
    synchronized void start() throws InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                BrokerMain.class.getName(), dataDir.toString(), String.valueOf(port));
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the broker", e);
        }
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Process started = process;
        Thread.ofPlatform().daemon().name("broker-output").start(() -> copyOutput(started, ready));
        try {
            if (!ready.get(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The broker exited while starting; see " + log);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The broker did not start in 120 s; see " + log, e);
        }
    }

    private void copyOutput(Process started, CompletableFuture<Boolean> ready) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(started.getInputStream(), UTF_8));
             PrintStream out = new PrintStream(new FileOutputStream(log.toFile(), true), true, UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                out.println(line);
                if (line.equals(BrokerMain.READY)) {
                    ready.complete(true);
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
        ready.complete(false);
    }

    synchronized boolean running() {
        return process != null && process.isAlive();
    }

    synchronized void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    synchronized void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}

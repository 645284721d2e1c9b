package org.careergraph.deploy.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Starts one JVM (a service as the launcher starts it, or the hello-world baseline), measures it and stops it: the
 * time from the launch to its readiness answering 200 (asked every 20 ms), the CPU it used until then, its resident
 * memory once it is idle, how long it took to stop, and Micronaut's own "Startup completed in" from its output.
 */
final class StartupProbe implements AutoCloseable {

    /**
     * One start.
     *
     * @param readySeconds      from the launch to the first 200 from {@code /health/readiness}
     * @param cpuSeconds        the CPU the JVM had used (all its threads) when it was ready
     * @param contextSeconds    Micronaut's "Startup completed in" (the application context and the HTTP server), NaN
     *                          when its output did not say
     * @param rssMegabytes      VmRSS once idle (its CPU use under 5 % for a second), or when the settle time ran out
     * @param anonMegabytes     of it, RssAnon: the heap, metaspace, compiled code, thread stacks
     * @param settled           whether it became idle before the settle time ran out
     * @param stopSeconds       from SIGTERM to the exit (an AOT cache is written then)
     */
    record Start(double readySeconds, double cpuSeconds, double contextSeconds, double rssMegabytes,
                 double anonMegabytes, boolean settled, double stopSeconds) {
    }

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration READY_POLL = Duration.ofMillis(20);
    private static final Duration IDLE_WINDOW = Duration.ofSeconds(1);
    private static final double IDLE_CPU_SHARE = 0.05;
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Pattern STARTUP_COMPLETED = Pattern.compile("Startup completed in (\\d+)ms");

    private final Duration settleLimit;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** @param settleLimit how long a start may take to become idle before its memory is read anyway */
    StartupProbe(Duration settleLimit) {
        this.settleLimit = settleLimit;
    }

    /** A service as the launcher's supervisor starts it (its startup cache included); its output goes to {@code log}. */
    Start service(ServiceProcess.Launch launch, Path log) {
        try (PrintStream out = new PrintStream(Files.newOutputStream(log), true, UTF_8)) {
            long launched = System.nanoTime();
            ServiceProcess process = ServiceProcess.start(launch, out);
            Running running = new Running(process.pid(), launch.port(), process::isAlive, launched);
            try {
                running.awaitReady(log);
                running.settle();
            } finally {
                long stopping = System.nanoTime();
                process.requestStop();
                process.awaitStop(STOP_GRACE, out);
                running.stopped(stopping);
            }
            return running.start(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Any JVM command (the hello-world baseline), with {@code PORT} in its environment; its output goes to {@code log}. */
    Start command(List<String> command, int port, Path workDir, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("PORT", String.valueOf(port)));
        long launched = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Running running = new Running(process.pid(), port, process::isAlive, launched);
        try {
            running.awaitReady(log);
            running.settle();
        } finally {
            long stopping = System.nanoTime();
            process.destroy();
            try {
                if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            running.stopped(stopping);
        }
        return running.start(log);
    }

    @Override
    public void close() {
        http.close();
    }

    /** What is measured of one running JVM, as it goes. */
    private final class Running {
        private final long pid;
        private final int port;
        private final BooleanSupplier alive;
        private final long launched;
        private long readyAt;
        private double cpuAtReady;
        private double rssMegabytes;
        private double anonMegabytes;
        private boolean settled;
        private double stopSeconds;

        Running(long pid, int port, BooleanSupplier alive, long launched) {
            this.pid = pid;
            this.port = port;
            this.alive = alive;
            this.launched = launched;
        }

        void awaitReady(Path log) {
            HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://localhost:" + port + Gateway.READINESS))
                    .timeout(Duration.ofSeconds(2)).build();
            await().atMost(READY_TIMEOUT).pollDelay(Duration.ZERO).pollInterval(READY_POLL).until(() -> {
                if (!alive.getAsBoolean()) {
                    throw new IllegalStateException("Exited before it was ready; its output is in " + log);
                }
                try {
                    if (http.send(readiness, BodyHandlers.discarding()).statusCode() == 200) {
                        readyAt = System.nanoTime();
                        return true;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                return false;
            });
            cpuAtReady = cpuSeconds();
        }

        /** Waits until the JVM is idle (its start-up work and whatever it consumed on the broker is done). */
        void settle() {
            AtomicLong lastCpuNanos = new AtomicLong(Math.round(cpuSeconds() * 1e9));
            try {
                await().atMost(settleLimit).pollDelay(IDLE_WINDOW).pollInterval(IDLE_WINDOW).until(() -> {
                    long cpu = Math.round(cpuSeconds() * 1e9);
                    return cpu - lastCpuNanos.getAndSet(cpu) < IDLE_CPU_SHARE * IDLE_WINDOW.toNanos();
                });
                settled = true;
            } catch (ConditionTimeoutException e) {
                settled = false;
            }
            rssMegabytes = residentMegabytes("VmRSS:");
            anonMegabytes = residentMegabytes("RssAnon:");
        }

        void stopped(long stopping) {
            stopSeconds = (System.nanoTime() - stopping) / 1e9;
        }

        Start start(Path log) {
            return new Start((readyAt - launched) / 1e9, cpuAtReady, contextSeconds(log).orElse(Double.NaN),
                    rssMegabytes, anonMegabytes, settled, stopSeconds);
        }

        private double cpuSeconds() {
            return ProcessHandle.of(pid).flatMap(process -> process.info().totalCpuDuration())
                    .map(cpu -> cpu.toNanos() / 1e9).orElseThrow(() -> new IllegalStateException(pid + " is gone"));
        }

        /**
         * A resident size from /proc: VmRSS, file-backed pages (the jars, a mapped cache) included, or RssAnon, the
         * JVM's own memory.
         */
        private double residentMegabytes(String field) {
            try (Stream<String> lines = Files.lines(Path.of("/proc", String.valueOf(pid), "status"))) {
                return lines.filter(line -> line.startsWith(field)).findFirst()
                        .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024.0)
                        .orElseThrow(() -> new IllegalStateException("No " + field + " for " + pid));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static OptionalDouble contextSeconds(Path log) {
        try (Stream<String> lines = Files.lines(log, UTF_8)) {
            return lines.map(STARTUP_COMPLETED::matcher).filter(Matcher::find)
                    .mapToDouble(found -> Long.parseLong(found.group(1)) / 1000.0).findFirst();
        } catch (IOException | UncheckedIOException e) {
            return OptionalDouble.empty();
        }
    }
}

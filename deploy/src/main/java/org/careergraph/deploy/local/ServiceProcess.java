package org.careergraph.deploy.local;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One service in its own JVM, built from its module's target/ folder, its output prefixed on ours. */
public final class ServiceProcess {

    /**
     * How a service starts, kept so that a restart starts it the same way.
     *
     * @param command     the whole command line, e.g. from {@link #javaCommand}
     * @param environment added to (and overriding) our own environment
     * @param workDir     the child's working directory
     */
    record Launch(Service service, int port, List<String> command, Map<String, String> environment, Path workDir) {
        Launch {
            command = List.copyOf(command);
            environment = Map.copyOf(environment);
        }

        /** The service's own main class on the classpath its build wrote. */
        static Launch of(Service service, int port, String classpath, Map<String, String> environment, Path workDir) {
            return new Launch(service, port, javaCommand(classpath, service.mainClass()), environment, workDir);
        }
    }

    /**
     * Small heaps and a quick JIT: five JVMs (four services, the web front) share a laptop (or 2 cores) with the
     * broker and database. Native access for the Kafka client's compression libraries, which JDK 24+ warns about otherwise. UTC, as in
     * production, so that stored times do not jump at a daylight-saving change on the developer's machine.
     */
    private static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED", "-Duser.timezone=UTC");

    /** How long an exit waits for the last lines of output, so that they come before what the launcher says. */
    private static final Duration OUTPUT_DRAIN = Duration.ofSeconds(1);

    private final Service service;
    private final int port;
    private final Process process;
    private final Thread outputPump;
    private final CompletableFuture<Void> outputEnded;

    private ServiceProcess(Service service, int port, Process process, Thread outputPump,
                           CompletableFuture<Void> outputEnded) {
        this.service = service;
        this.port = port;
        this.process = process;
        this.outputPump = outputPump;
        this.outputEnded = outputEnded;
    }

    /** The classpath the service's build wrote; fails with what to run when it is missing. */
    static String classpath(Path projectRoot, Service service) {
        Path target = projectRoot.resolve(service.module()).resolve("target");
        Path classes = target.resolve("classes");
        Path classpathFile = target.resolve("runtime-classpath.txt");
        if (!Files.isDirectory(classes) || !Files.isRegularFile(classpathFile)) {
            throw new IllegalStateException(service.module() + " is not built: " + classpathFile + " or " + classes
                    + " is missing. Run the README command from the project root: ./mvnw -Prun -DskipTests package");
        }
        try {
            String dependencies = Files.readString(classpathFile, UTF_8).strip();
            return dependencies.isEmpty() ? classes.toString() : classes + File.pathSeparator + dependencies;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + classpathFile, e);
        }
    }

    /** The command that runs the service as the launcher does (the fault-injection suite's replicas too). */
    public static List<String> command(Path projectRoot, Service service) {
        return javaCommand(classpath(projectRoot, service), service.mainClass());
    }

    /** Our own java binary with the services' JVM options, running {@code mainClass}. */
    static List<String> javaCommand(String classpath, String mainClass) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(JVM_OPTIONS);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        return command;
    }

    /** Starts the process; its lines go to {@code out}, each prefixed with {@code [name] }. */
    static ServiceProcess start(Launch launch, PrintStream out) {
        Service service = launch.service();
        ProcessBuilder builder = new ProcessBuilder(launch.command()).directory(launch.workDir().toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(launch.environment());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + service.module(), e);
        }
        CompletableFuture<Void> outputEnded = new CompletableFuture<>();
        Thread pump = Thread.ofPlatform().daemon().name(service.shortName() + "-output").start(() -> {
            pump(process, "[" + service.shortName() + "] ", out);
            outputEnded.complete(null);
        });
        return new ServiceProcess(service, launch.port(), process, pump, outputEnded);
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static void pump(Process process, String prefix, PrintStream out) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                out.println(prefix + line);
            }
        } catch (IOException e) {
            // The process is gone: its output ends here.
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Completes with the exit code once the process has exited and its output has been printed (or a second has
     * passed: a grandchild may hold the output open).
     */
    CompletableFuture<Integer> exited() {
        return process.onExit()
                .thenCompose(exited -> outputEnded.completeOnTimeout(null, OUTPUT_DRAIN.toMillis(), TimeUnit.MILLISECONDS))
                .thenApply(ignored -> process.exitValue());
    }

    /** Asks the JVM to shut down (SIGTERM), so that it runs its shutdown hooks; does not wait. */
    void requestStop() {
        process.destroy();
    }

    /** Waits for the exit after {@link #requestStop()}; kills the process when it takes longer than the grace time. */
    void awaitStop(Duration grace, PrintStream out) {
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                out.println("[launcher] " + service.shortName() + " did not stop within " + grace.toSeconds()
                        + " s: killing it");
                process.destroyForcibly().waitFor();
            }
            outputPump.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

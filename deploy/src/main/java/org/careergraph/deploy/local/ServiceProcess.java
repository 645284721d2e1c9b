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
import java.util.concurrent.TimeUnit;

/** One service in its own JVM, built from its module's target/ folder, its output prefixed on ours. */
final class ServiceProcess {

    /**
     * Small heaps and a quick JIT: five JVMs (four services, the web front) share a laptop (or 2 cores) with the
     * broker and database. Native access for the Kafka client's compression libraries, which JDK 24+ warns about otherwise. UTC, as in
     * production, so that stored times do not jump at a daylight-saving change on the developer's machine.
     */
    private static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED", "-Duser.timezone=UTC");

    private final Service service;
    private final int port;
    private final Process process;
    private final Thread outputPump;
    private volatile boolean stopping;

    private ServiceProcess(Service service, int port, Process process, Thread outputPump) {
        this.service = service;
        this.port = port;
        this.process = process;
        this.outputPump = outputPump;
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

    /**
     * Starts the JVM with the same java binary as ours.
     *
     * @param environment added to (and overriding) our own environment
     * @param workDir     the child's working directory
     * @param out         where the child's lines go, each prefixed with {@code [name] }
     */
    static ServiceProcess start(Service service, int port, String classpath, Map<String, String> environment,
                                Path workDir, PrintStream out) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(JVM_OPTIONS);
        command.add("-cp");
        command.add(classpath);
        command.add(service.mainClass());
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + service.module(), e);
        }
        Thread pump = Thread.ofPlatform().daemon().name(service.shortName() + "-output")
                .start(() -> pump(process, "[" + service.shortName() + "] ", out));
        ServiceProcess started = new ServiceProcess(service, port, process, pump);
        process.onExit().thenAccept(exited -> {
            if (!started.stopping) {
                out.println("[launcher] " + service.shortName() + " exited unexpectedly with code " + exited.exitValue());
            }
        });
        return started;
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

    Service service() {
        return service;
    }

    int port() {
        return port;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    /** Asks the JVM to shut down (SIGTERM), so that it runs its shutdown hooks; does not wait. */
    void requestStop() {
        stopping = true;
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

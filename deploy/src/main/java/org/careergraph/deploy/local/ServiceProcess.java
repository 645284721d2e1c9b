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
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** One service in its own JVM, built from its module's target/ folder, its output prefixed on ours. */
public final class ServiceProcess {

    /**
     * How a service starts, kept so that a restart starts it the same way.
     *
     * @param command      the whole command line, e.g. from {@link #javaCommand}
     * @param environment  added to (and overriding) our own environment
     * @param workDir      the child's working directory
     * @param startupCache what makes it start faster, looked at again on each start (the first start of a build
     *                     writes it, the next ones use it)
     */
    record Launch(Service service, int port, List<String> command, Map<String, String> environment, Path workDir,
                  StartupCache startupCache) {
        Launch {
            command = List.copyOf(command);
            environment = Map.copyOf(environment);
        }

        /** Without a startup cache. */
        Launch(Service service, int port, List<String> command, Map<String, String> environment, Path workDir) {
            this(service, port, command, environment, workDir, StartupCache.NONE);
        }

        /** The service's own main class on the classpath its build wrote. */
        static Launch of(Service service, int port, String classpath, Map<String, String> environment, Path workDir,
                         StartupCache startupCache) {
            return new Launch(service, port, javaCommand(classpath, service.mainClass()), environment, workDir,
                    startupCache);
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
    /**
     * Added to the stop's grace time when the JVM writes its AOT cache as it exits: some 10 s of CPU each, the five
     * services at once on a busy two-core machine.
     */
    private static final Duration CACHE_WRITING = Duration.ofMinutes(3);

    private final Service service;
    private final int port;
    private final Process process;
    private final boolean writesCache;
    /** The exit code, once the startup cache has been dealt with. */
    private final CompletableFuture<Integer> exitCode;
    private final Thread outputPump;
    private final CompletableFuture<Void> outputEnded;

    private ServiceProcess(Service service, int port, Process process, StartupCache.Use cache, Thread outputPump,
                           CompletableFuture<Void> outputEnded) {
        this.service = service;
        this.port = port;
        this.process = process;
        this.writesCache = cache.writesCache();
        this.exitCode = process.onExit().thenApply(exited -> {
            cache.exited(exited.exitValue());
            return exited.exitValue();
        });
        this.outputPump = outputPump;
        this.outputEnded = outputEnded;
    }

    /**
     * The classpath the service's build wrote, with the service's own jar in front when the build packaged it and no
     * class is newer (a startup cache takes classes from jars only), else its classes folder. Fails with what to run
     * when the build is missing.
     */
    static String classpath(Path projectRoot, Service service) {
        Path target = projectRoot.resolve(service.module()).resolve("target");
        Path classes = target.resolve("classes");
        Path classpathFile = target.resolve("runtime-classpath.txt");
        if (!Files.isDirectory(classes) || !Files.isRegularFile(classpathFile)) {
            throw new IllegalStateException(service.module() + " is not built: " + classpathFile + " or " + classes
                    + " is missing. Run the README command from the project root: ./mvnw -Prun -DskipTests package");
        }
        try {
            String own = packaged(target, service, classes).map(Path::toString).orElse(classes.toString());
            String dependencies = Files.readString(classpathFile, UTF_8).strip();
            return dependencies.isEmpty() ? own : own + File.pathSeparator + dependencies;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + classpathFile + " or " + classes, e);
        }
    }

    /** The service's jar ({@code <module>-<version>.jar}) when none of its classes or resources is newer. */
    private static Optional<Path> packaged(Path target, Service service, Path classes) throws IOException {
        Optional<Path> jar;
        try (Stream<Path> files = Files.list(target)) {
            jar = files.filter(file -> file.getFileName().toString().matches(Pattern.quote(service.module())
                            + "-\\d[^/]*(?<!-sources|-tests|-javadoc)\\.jar"))
                    .max(Comparator.comparing(ServiceProcess::modified));
        }
        if (jar.isEmpty()) {
            return jar;
        }
        FileTime packagedAt = modified(jar.get());
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(Files::isRegularFile).anyMatch(file -> modified(file).compareTo(packagedAt) > 0)
                    ? Optional.empty() : jar;
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    /**
     * Starts the process, with its startup cache as it stands now; its lines go to {@code out}, each prefixed with
     * {@code [name] }.
     */
    static ServiceProcess start(Launch launch, PrintStream out) {
        Service service = launch.service();
        StartupCache.Use cache = launch.startupCache().use(service, launch.command());
        ProcessBuilder builder = new ProcessBuilder(StartupCache.withOptions(launch.command(), cache))
                .directory(launch.workDir().toFile()).redirectErrorStream(true);
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
        return new ServiceProcess(service, launch.port(), process, cache, pump, outputEnded);
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
        return exitCode.thenCompose(code -> outputEnded.completeOnTimeout(null, OUTPUT_DRAIN.toMillis(),
                TimeUnit.MILLISECONDS).thenApply(ignored -> code));
    }

    /**
     * Asks the JVM to shut down (SIGTERM), so that it runs its shutdown hooks; does not wait. Through its handle:
     * {@link Process#destroy()} would also close our end of its output, so that what it says while it stops is lost,
     * and the child JVM that writes its AOT cache dies on its first line.
     */
    void requestStop() {
        process.toHandle().destroy();
    }

    /**
     * Waits for the exit after {@link #requestStop()}; kills the process when it takes longer than the grace time
     * (and the time it may take to write its startup cache).
     */
    void awaitStop(Duration grace, PrintStream out) {
        Duration wait = grace;
        if (writesCache && process.isAlive()) {
            wait = grace.plus(CACHE_WRITING);
            out.println("[launcher] " + service.shortName() + " writes its startup cache as it stops (once per build)");
        }
        try {
            if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                out.println("[launcher] " + service.shortName() + " did not stop within " + wait.toSeconds()
                        + " s: killing it");
                process.destroyForcibly().waitFor();
            }
            exitCode.join();
            outputPump.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

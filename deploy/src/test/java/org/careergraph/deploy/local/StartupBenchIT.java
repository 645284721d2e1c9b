package org.careergraph.deploy.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.careergraph.deploy.local.StartupCache.Kind;
import org.careergraph.deploy.local.StartupProbe.Start;
import org.careergraph.deploy.local.hello.HelloWorldApplication;
import org.careergraph.embedded.FreePorts;
import org.careergraph.security.AccessTokens;
import org.careergraph.testsupport.TestInfrastructure;
import org.careergraph.testsupport.bench.BenchForm;
import org.careergraph.testsupport.bench.BenchReport;
import org.careergraph.testsupport.bench.Figure;
import org.careergraph.testsupport.bench.Goal;
import org.careergraph.testsupport.bench.Medians;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's startup benchmark. Each service, and the web front, started alone as the launcher starts it (its own
 * JVM with the launcher's options and environment, on the test broker and database) against a hello-world Micronaut
 * application started with the same JVM options: the time from the launch to its readiness answering 200, and its
 * resident memory once idle. Then the same service with each startup cache the JDK offers (a dynamic CDS archive; the
 * AOT cache, JDK 25 and later) against no cache, in the same rounds, and the first start that writes each cache. The
 * rounds interleave every option and the baseline, so that a busy moment of the shared machine hits all alike; the
 * figures are their medians.
 *
 * <p>The full form first runs the whole local system ({@link LocalLauncher}, five JVMs behind the gateway) three
 * times on the same databases: the first start, which imports the bundled releases (2,039 occupations) and writes
 * the services' startup caches; a second start with the caches; a second start without. The services alone then
 * start on those databases (the catalog holding the imported catalog). The smoke form starts one service and the
 * hello-world application once, without a cache. Every JVM's output goes to {@code target/startup-bench/<run>/}.
 */
class StartupBenchIT {

    private static final BenchForm FORM = BenchForm.current();
    /** Starts of each service with each option, and of the baseline: the figures are their medians. */
    private static final int ROUNDS = FORM.pick(1, 3);
    private static final List<Service> SERVICES = FORM.pick(List.of(Service.SCORING), List.of(Service.values()));
    /** No cache, and each cache this JDK has (the AOT cache from JDK 25 on). */
    private static final List<Kind> CACHES = FORM.pick(List.of(Kind.NONE),
            Arrays.stream(Kind.values()).filter(kind -> kind.compareTo(Kind.best()) <= 0).toList());
    /** What the launcher uses from the second start on (the smoke form writes no cache). */
    private static final Kind AS_LAUNCHED = FORM.pick(Kind.NONE, Kind.best());
    private static final Duration SETTLE_LIMIT = FORM.pick(Duration.ofSeconds(10), Duration.ofSeconds(30));
    private static final Duration WHOLE_RUN_READY = Duration.ofMinutes(10);
    private static final double READY_GOAL_SECONDS = 1.5;
    private static final double RSS_GOAL_MEGABYTES = 256;
    /** Nothing listens there (the discard port): no mail is sent. */
    private static final int NO_MAIL = 9;

    private final Path root = Path.of(System.getProperty("careergraph.root", "..")).toAbsolutePath().normalize();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Path runDir = Path.of("target", "startup-bench", run).toAbsolutePath();
    private final String jwtSecret = AccessTokens.newSecret();
    private LocalLauncher.Infrastructure infrastructure;
    private int startsDone;
    private int startsPlanned;
    private long startedAt;

    @Test
    void eachServiceStartsAloneAndTheWholeRunStartsToReady() throws IOException {
        Files.createDirectories(runDir);
        // Own databases on the (possibly shared) test server, the same for every start of this run.
        infrastructure = new LocalLauncher.Infrastructure(TestInfrastructure.kafkaBootstrapServers(),
                database -> TestInfrastructure.jdbcUrl("startup_" + run + "_" + database),
                TestInfrastructure.dbUsername(), TestInfrastructure.dbPassword(), NO_MAIL);
        List<Figure> figures = new ArrayList<>();
        if (FORM.isFull()) {
            figures.addAll(wholeRun()); // first: its first start imports the catalog that the services alone start on
        }
        figures.addAll(servicesAlone());

        // Per service: ready and RSS; in the full form, per cache its time and CPU, the first start writing one, and the
        // whole run's two.
        assertEquals(SERVICES.size() * 2 + (FORM.isFull() ? 2 * (CACHES.size() - 1) + 3 : 0), figures.size());
        figures.forEach(figure -> assertTrue(figure.finite(), figure.toString()));
        BenchReport.write("startup", "Each service and the web front started alone as the launcher starts it "
                + "(-Xmx384m, serial GC, C1 only; test broker and database) vs a hello-world Micronaut app with the same "
                + "JVM options: time to ready and idle RSS, median of " + ROUNDS + " starts; each JDK startup cache vs "
                + "none" + (FORM.isFull() ? "; the whole local run's time to ready" : ""), figures);
    }

    // ---- each service alone ----

    private List<Figure> servicesAlone() throws IOException {
        Map<Kind, LocalLauncher> launchers = new EnumMap<>(Kind.class);
        for (Kind kind : CACHES) {
            StartupCache cache = kind == Kind.NONE ? StartupCache.NONE
                    : new StartupCache(runDir.resolve("cache-" + kind.name().toLowerCase(Locale.ROOT)), kind);
            launchers.put(kind, new LocalLauncher(config(runDir.resolve("home"), cache, System.out)));
        }
        List<Kind> written = CACHES.stream().filter(kind -> kind != Kind.NONE).toList();
        startsPlanned = SERVICES.size() * written.size() + ROUNDS * (1 + SERVICES.size() * CACHES.size());
        startedAt = System.nanoTime();

        try (StartupProbe probe = new StartupProbe(SETTLE_LIMIT)) {
            // The first start of each cache writes it (as the launcher's first start does); then the rounds.
            Map<Service, Map<Kind, Start>> writing = new EnumMap<>(Service.class);
            for (Service service : SERVICES) {
                for (Kind kind : written) {
                    Start start = probe.service(launchers.get(kind).launch(service, infrastructure, jwtSecret),
                            log(service.shortName() + "-" + kind + "-writing"));
                    writing.computeIfAbsent(service, s -> new EnumMap<>(Kind.class)).put(kind, start);
                    progress(service.shortName() + ", " + label(kind) + " written", start);
                }
            }
            List<Start> hello = new ArrayList<>();
            Map<Service, Map<Kind, List<Start>>> starts = new EnumMap<>(Service.class);
            for (int round = 1; round <= ROUNDS; round++) {
                Start helloStart = probe.command(ServiceProcess.javaCommand(helloClasspath(),
                        HelloWorldApplication.class.getName()), FreePorts.pick(), runDir, log("hello-" + round));
                hello.add(helloStart);
                progress("hello-world, round " + round, helloStart);
                for (Service service : SERVICES) {
                    for (Kind kind : CACHES) {
                        Start start = probe.service(launchers.get(kind).launch(service, infrastructure, jwtSecret),
                                log(service.shortName() + "-" + kind + "-" + round));
                        starts.computeIfAbsent(service, s -> new EnumMap<>(Kind.class))
                                .computeIfAbsent(kind, k -> new ArrayList<>()).add(start);
                        progress(service.shortName() + ", " + label(kind) + ", round " + round, start);
                    }
                }
            }
            List<Figure> figures = new ArrayList<>();
            for (Service service : SERVICES) {
                figures.addAll(againstHello(service, starts.get(service), hello));
            }
            if (FORM.isFull()) {
                for (Kind kind : written) {
                    figures.add(cacheAgainstNone(kind, starts, "time to ready", Start::readySeconds));
                    figures.add(cacheAgainstNone(kind, starts, "CPU to ready", Start::cpuSeconds));
                }
                figures.add(firstStartWriting(Kind.best(), starts, writing));
            }
            return figures;
        }
    }

    /** Time to ready and idle RSS as the launcher starts the service, against the hello-world application. */
    private List<Figure> againstHello(Service service, Map<Kind, List<Start>> starts, List<Start> hello) {
        List<Start> launched = starts.get(AS_LAUNCHED);
        List<Start> none = starts.get(Kind.NONE);
        double ready = Medians.of(launched, Start::readySeconds);
        double cpu = Medians.of(launched, Start::cpuSeconds);
        double context = Medians.of(launched, Start::contextSeconds);
        String name = service.shortName();
        String readyNote = String.format(Locale.ROOT, "median of %d; %s; CPU to ready %.2f s (hello %.2f s); "
                        + "Micronaut's \"Startup completed in\" %.2f s of it (hello %.2f s), the rest is the JVM's start "
                        + "and loading classes before the context, and the readiness check", launched.size(),
                label(AS_LAUNCHED), cpu, Medians.of(hello, Start::cpuSeconds), context,
                Medians.of(hello, Start::contextSeconds));
        if (AS_LAUNCHED != Kind.NONE) {
            readyNote += String.format(Locale.ROOT, "; without a cache %.2f s (CPU %.2f s)",
                    Medians.of(none, Start::readySeconds), Medians.of(none, Start::cpuSeconds));
        }
        if (ready > READY_GOAL_SECONDS) {
            readyNote += String.format(Locale.ROOT, "; limited by the CPU work to ready (%.2f s of CPU) on %d cores "
                    + "shared with other builds: %.1f s of wall time a CPU second", cpu,
                    Runtime.getRuntime().availableProcessors(), ready / cpu);
        }
        long settled = launched.stream().filter(Start::settled).count();
        double rss = Medians.of(launched, Start::rssMegabytes);
        double anon = Medians.of(launched, Start::anonMegabytes);
        String rssNote = String.format(Locale.ROOT, "VmRSS once idle (CPU under 5 %% for a second; %d of %d starts "
                        + "became idle within %d s, the rest read then), %s; of it %.0f MiB the JVM's own memory (RssAnon: "
                        + "heap, metaspace, code; heap at most 384 MiB) and %.0f MiB mapped files (jars, the cache); "
                        + "hello %.0f MiB own", settled, launched.size(), SETTLE_LIMIT.toSeconds(), label(AS_LAUNCHED),
                anon, rss - anon, Medians.of(hello, Start::anonMegabytes));
        return List.of(
                Figure.time(name + ": time to ready, alone, as the launcher starts it", ready, "s",
                        "hello-world Micronaut app, same JVM options", Medians.of(hello, Start::readySeconds),
                        Goal.valueAtMost(READY_GOAL_SECONDS), readyNote),
                Figure.time(name + ": idle RSS", rss, "MiB",
                        "hello-world Micronaut app, same JVM options", Medians.of(hello, Start::rssMegabytes),
                        Goal.valueAtMost(RSS_GOAL_MEGABYTES), rssNote));
    }

    /**
     * The five services' time (or CPU) to ready with a cache against none, their medians summed; each one's in the
     * note. The CPU holds where the wall time varies with what else the shared machine runs.
     */
    private Figure cacheAgainstNone(Kind kind, Map<Service, Map<Kind, List<Start>>> starts, String what,
                                    ToDoubleFunction<Start> measure) {
        double with = 0;
        double without = 0;
        StringBuilder each = new StringBuilder();
        for (Service service : SERVICES) {
            double cached = Medians.of(starts.get(service).get(kind), measure);
            double none = Medians.of(starts.get(service).get(Kind.NONE), measure);
            with += cached;
            without += none;
            each.append(String.format(Locale.ROOT, "%s%s %.2f s vs %.2f s", each.isEmpty() ? "" : ", ",
                    service.shortName(), cached, none));
        }
        return Figure.time(what + " with " + label(kind) + ", the five services' medians summed", with, "s",
                "the same starts without a cache", without, null, each + cacheSizes(kind));
    }

    /** The first start of a build, which writes the cache the launcher keeps, against a start without one. */
    private Figure firstStartWriting(Kind kind, Map<Service, Map<Kind, List<Start>>> starts,
                                     Map<Service, Map<Kind, Start>> writing) {
        double first = 0;
        double none = 0;
        double firstCpu = 0;
        double noneCpu = 0;
        StringBuilder each = new StringBuilder();
        for (Service service : SERVICES) {
            Start start = writing.get(service).get(kind);
            first += start.readySeconds();
            firstCpu += start.cpuSeconds();
            none += Medians.of(starts.get(service).get(Kind.NONE), Start::readySeconds);
            noneCpu += Medians.of(starts.get(service).get(Kind.NONE), Start::cpuSeconds);
            each.append(String.format(Locale.ROOT, "%s%s %.2f s (CPU %.2f s, stop %.1f s)", each.isEmpty() ? "" : ", ",
                    service.shortName(), start.readySeconds(), start.cpuSeconds(), start.stopSeconds()));
        }
        return Figure.time("first start writing " + label(kind) + ", the five services summed", first, "s",
                "the same services' starts without a cache (medians)", none, null, String.format(Locale.ROOT,
                        "one start each: %s; CPU to ready %.2f s vs %.2f s; the JVM writes the cache as it exits, so "
                                + "the stop takes longer", each, firstCpu, noneCpu) + cacheSizes(kind));
    }

    private String cacheSizes(Kind kind) {
        Path folder = runDir.resolve("cache-" + kind.name().toLowerCase(Locale.ROOT));
        try (Stream<Path> files = Files.list(folder)) {
            long bytes = files.mapToLong(file -> file.toFile().length()).sum();
            return String.format(Locale.ROOT, "; the caches take %.0f MiB on disk", bytes / 1048576.0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- the whole local run ----

    private List<Figure> wholeRun() {
        Path home = runDir.resolve("whole-run");
        StartupCache cache = new StartupCache(home.resolve("startup-cache"), Kind.best());
        WholeStart first = wholeStart(home, cache, "first");
        WholeStart cached = wholeStart(home, cache, "second-with-caches");
        WholeStart uncached = wholeStart(home, StartupCache.NONE, "second-without-caches");
        String how = "LocalLauncher.start() until every service is ready (the supervisor asks each every 500 ms) and "
                + "the gateway's readiness answers 200; the five JVMs start at once on "
                + Runtime.getRuntime().availableProcessors() + " cores; one start each";
        return List.of(
                Figure.time("whole local run: second start to ready (catalog imported), " + label(Kind.best()),
                        cached.readySeconds(), "s", "the same second start without startup caches",
                        uncached.readySeconds(), null, how + "; Micronaut's \"Startup completed in\" of each: "
                                + cached.contexts() + " (without caches: " + uncached.contexts() + ")"),
                Figure.time("whole local run: first start to ready (imports 2,039 occupations, writes the caches)",
                        first.readySeconds(), "s", "the second start, " + label(Kind.best()), cached.readySeconds(),
                        null, String.format(Locale.ROOT, "%s; the first stop took %.1f s (each service writes its "
                                + "cache as it exits), the next ones %.1f s and %.1f s", how, first.stopSeconds(),
                                cached.stopSeconds(), uncached.stopSeconds())));
    }

    /** @param contexts each service's Micronaut "Startup completed in", from its output */
    private record WholeStart(double readySeconds, double stopSeconds, String contexts) {
    }

    private WholeStart wholeStart(Path home, StartupCache cache, String name) {
        Path log = log("whole-run-" + name);
        try (PrintStream out = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8);
             HttpClient http = HttpClient.newHttpClient()) {
            System.out.println("[startup-bench] whole local run, " + name + " start (its output: " + log + ")");
            LocalLauncher launcher = new LocalLauncher(config(home, cache, out));
            long launched = System.nanoTime();
            double ready;
            long stopping;
            try {
                ServicesLog.start(launcher, infrastructure, log);
                ready = (System.nanoTime() - launched) / 1e9;
                int readiness = http.send(HttpRequest.newBuilder(URI.create(launcher.url() + Gateway.READINESS))
                        .build(), BodyHandlers.discarding()).statusCode();
                assertEquals(200, readiness, "the gateway's readiness once the launcher said every service is ready");
            } finally {
                stopping = System.nanoTime();
                launcher.close();
            }
            WholeStart start = new WholeStart(ready, (System.nanoTime() - stopping) / 1e9, contexts(log));
            System.out.printf(Locale.ROOT, "[startup-bench] whole local run, %s start: ready in %.1f s, stopped in "
                    + "%.1f s%n", name, start.readySeconds(), start.stopSeconds());
            return start;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Each service's "Startup completed in" from the launcher's output, e.g. {@code catalog 15.5 s, web 7.4 s}. */
    private static String contexts(Path log) throws IOException {
        Pattern completed = Pattern.compile("^\\[(\\w+)] .*Startup completed in (\\d+)ms");
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.map(completed::matcher).filter(Matcher::find)
                    .map(found -> String.format(Locale.ROOT, "%s %.1f s", found.group(1),
                            Long.parseLong(found.group(2)) / 1000.0))
                    .collect(Collectors.joining(", "));
        }
    }

    // ---- helpers ----

    private LocalLauncher.Config config(Path home, StartupCache cache, PrintStream out) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, FreePorts.pick());
        }
        return new LocalLauncher.Config(root, home, FreePorts.pick(), ports, true, true, WHOLE_RUN_READY, out, cache);
    }

    /** The hello-world application's classes and the libraries its build wrote (target/hello-world-classpath.txt). */
    private static String helloClasspath() {
        try {
            Path target = Path.of("target");
            return target.resolve("test-classes").toAbsolutePath() + File.pathSeparator
                    + target.resolve("classes").toAbsolutePath() + File.pathSeparator
                    + Files.readString(target.resolve("hello-world-classpath.txt")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("The build writes target/hello-world-classpath.txt (process-test-classes)", e);
        }
    }

    private Path log(String name) {
        return runDir.resolve(name + ".log");
    }

    private void progress(String what, Start start) {
        startsDone++;
        double elapsed = (System.nanoTime() - startedAt) / 1e9;
        double left = elapsed / startsDone * (startsPlanned - startsDone);
        System.out.printf(Locale.ROOT, "[startup-bench] %s: ready in %.2f s, CPU %.2f s, RSS %.0f MiB, stopped in "
                        + "%.1f s (%d of %d starts, about %.0f s left)%n", what, start.readySeconds(), start.cpuSeconds(),
                start.rssMegabytes(), start.stopSeconds(), startsDone, startsPlanned, left);
    }

    private static String label(Kind kind) {
        return switch (kind) {
            case NONE -> "no startup cache";
            case CDS_ARCHIVE -> "dynamic CDS archive";
            case AOT_CACHE -> "AOT cache";
        };
    }
}

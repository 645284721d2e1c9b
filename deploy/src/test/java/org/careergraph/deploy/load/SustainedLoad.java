package org.careergraph.deploy.load;

import org.careergraph.deploy.WebhookChallenge;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.careergraph.deploy.local.Service;
import org.careergraph.deploy.local.ServicesLog;
import org.careergraph.deploy.local.SustainedLoadSystem;
import org.careergraph.testsupport.TestInfrastructure;

/**
 * The sustained-load check (issue 17): the whole local system under a steady mix of reads and writes through its
 * gateway for a while, with each service's heap after a full GC and each consumer group's lag sampled at a steady
 * pace; see {@link LoadReport} for the rules and {@link Traffic} for the load. Everything stays on this machine: the
 * gateway, the services and the webhook receiver listen on the loopback interface.
 *
 * <p>The steps: start the system (seeds and the bundled releases, some 2,000 occupations) and wait until it has
 * settled (every consumer group at lag 0, the number of scored occupations steady); create the check's own
 * occupations and a webhook watching them; call each kind of request a few times; then take the first sample, run the
 * load with a sample every {@code sample}, and once it ends wait for the lag to reach 0. The services' output goes to
 * {@code target/sustained-load/<run>/services.log}, the report to {@code report.md} beside it.
 */
final class SustainedLoad {

    private static final Duration SETTLE_LIMIT = Duration.ofMinutes(10);
    private static final Duration QUIET = Duration.ofSeconds(10);
    private static final List<String> DEAD_LETTER_OWNERS = List.of("catalog", "immigration", "scoring",
            "notification");
    /** A service's log line as the launcher prefixes it: "[scoring] 12:00:00.000 ERROR [thread] logger - text". */
    private static final Pattern LOG_LINE = Pattern.compile("^\\[(\\w+)] \\S+ (ERROR|WARN)\\b.*");

    private final LoadSettings settings;
    private final PrintStream out;
    private final ObjectMapper json = new ObjectMapper();
    private final Path root = Path.of(System.getProperty("careergraph.root", "..")).toAbsolutePath().normalize();
    private final AtomicLong webhooks = new AtomicLong();
    private final CpuUse cpu = new CpuUse();
    private final ExecutorService receiving = Executors.newVirtualThreadPerTaskExecutor();
    private HttpClient http;
    private HttpServer receiver;
    private SustainedLoadSystem system;
    private ServicesLog servicesLog;
    private String base;

    SustainedLoad(LoadSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** Runs the whole check and answers its report (the verdict is the report's; this throws only when it could not run). */
    LoadReport run() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path home = Path.of("target", "sustained-load", run).toAbsolutePath();
        Files.createDirectories(home);
        servicesLog = ServicesLog.in(home);
        Path log = servicesLog.file();
        LoadReport report = new LoadReport();
        report.settings = settings;
        report.started = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(Instant.now()
                .atOffset(ZoneOffset.UTC));
        report.servicesLog = log.toString();
        out.printf("Sustained load %s: the services' output goes to %s%n", settings, log);

        try {
            receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            receiver.createContext("/hooks", exchange -> {
                try (exchange; InputStream body = exchange.getRequestBody()) {
                    if (WebhookChallenge.answered(exchange, body.readAllBytes())) {
                        return; // a new subscription's verification
                    }
                    webhooks.incrementAndGet();
                    exchange.sendResponseHeaders(204, -1);
                }
            });
            receiver.setExecutor(receiving);
            receiver.start();
            String hookUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";

            long starting = System.nanoTime();
            system = SustainedLoadSystem.start(root, home, settings.gatewayPort(), servicesLog);
            base = system.url().toString();
            // HTTP/1.1 with kept-alive connections, as a browser or curl talks to the gateway (no h2c upgrade).
            http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                    .build();
            report.machine = machine();
            out.printf("system ready at %s in %.0f s on %s%n", base, seconds(starting), report.machine);

            try (ConsumerLag lag = new ConsumerLag(system.kafkaBootstrapServers());
                 HeapAfterGc heap = new HeapAfterGc()) {
                settle(lag, "start");
                List<String> ids = listIds("");
                List<String> scored = listIds("&minScore=0&maxScore=10");
                report.occupations = ids.size();
                report.scored = scored.size();
                List<Traffic.Own> own = createOwn(new Random(settings.seed()));
                watch(own, hookUrl);
                settle(lag, "the check's occupations");

                Traffic traffic = new Traffic(http, base, system.adminToken(), ids, scored, own, hookUrl,
                        settings.seed(), settings.concurrency(), settings.sample());
                try {
                    List<String> problems = traffic.touchEveryKind(3);
                    if (!problems.isEmpty()) {
                        throw new IllegalStateException("Before the load, requests failed: " + problems);
                    }
                    report.deadLettersBefore = deadLetters();
                    measure(report, traffic, heap, lag, log);
                } finally {
                    traffic.close();
                }
            }
        } finally {
            close();
        }
        Files.writeString(home.resolve("report.md"), report.markdown(), UTF_8);
        return report;
    }

    /** The first sample, then the load with its samples, then the drain. */
    private void measure(LoadReport report, Traffic traffic, HeapAfterGc heap, ConsumerLag lag, Path log)
            throws Exception {
        long logFrom = Files.size(log);
        report.samples.add(sample(Duration.ZERO, heap, lag));
        out.println(progress(report, 0, traffic));

        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        List<Duration> at = new ArrayList<>();
        for (Duration t = settings.sample(); t.compareTo(settings.duration()) < 0; t = t.plus(settings.sample())) {
            at.add(t);
        }
        at.add(settings.duration());
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        List<Future<?>> sampling = new ArrayList<>();
        for (Duration when : at) {
            long delay = start + when.toNanos() - System.nanoTime();
            sampling.add(sampler.schedule(() -> {
                report.samples.add(sample(when, heap, lag));
                out.println(progress(report, report.samples.size() - 1, traffic));
                return null;
            }, delay, TimeUnit.NANOSECONDS));
        }
        try {
            traffic.run(start, settings.duration(), settings.rate());
            for (Future<?> future : sampling) {
                future.get();
            }
        } finally {
            sampler.shutdownNow();
        }
        long ended = System.nanoTime();

        long[] last = {-1};
        try {
            await().atMost(Duration.ofSeconds(LoadReport.DRAIN_SECONDS)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> (last[0] = ConsumerLag.total(lag.byGroup())) == 0);
            report.drainedAfter = seconds(ended);
        } catch (ConditionTimeoutException e) {
            report.lagWhenGivenUp = last[0];
        }
        report.deadLettersAfter = deadLetters();
        report.intervals = traffic.intervals();
        report.kinds = traffic.kinds();
        report.kindIntervals = traffic.kindIntervals();
        report.statuses = traffic.statuses();
        report.errors = traffic.errors();
        report.inFlightMax = traffic.inFlightMax();
        report.webhooksReceived = webhooks.get();
        servicesLog.out().flush();
        scanLog(report, log, logFrom, Files.size(log));
    }

    private LoadReport.Sample sample(Duration at, HeapAfterGc heap, ConsumerLag lag) {
        // First: the full GCs below are the sampler's own work, not the interval's.
        CpuUse.Reading cpu = this.cpu.read();
        List<String> problems = new ArrayList<>();
        Map<Service, HeapAfterGc.Reading> heaps = heap.sample(problems);
        Map<String, Long> lags;
        try {
            lags = lag.byGroup();
        } catch (Exception e) {
            problems.add("lag not read at " + LoadReport.clock(at) + ": " + e);
            lags = Map.of();
        }
        return new LoadReport.Sample(at, heaps, lags, cpu, problems);
    }

    private String progress(LoadReport report, int index, Traffic traffic) {
        LoadReport.Sample sample = report.samples.get(index);
        StringBuilder line = new StringBuilder("t=" + LoadReport.clock(sample.at()));
        if (index > 0 && index - 1 < traffic.intervals().length) {
            Traffic.Tally tally = traffic.intervals()[index - 1];
            line.append(String.format(Locale.ROOT, " | %,d requests, %d errors, p50 %.1f ms, p99 %.1f ms",
                    tally.requests(), tally.errors(), tally.percentileMs(0.5), tally.percentileMs(0.99)));
        }
        line.append(" | heap after GC MB:");
        sample.heap().forEach((service, reading) -> line.append(String.format(Locale.ROOT, " %s %.1f",
                service.shortName(), reading.bytes() / 1048576.0)));
        line.append(" | lag ").append(sample.lag());
        line.append(String.format(Locale.ROOT, " | CPU cores busy %.1f, of which this run %.1f", sample.cpu().machine(),
                sample.cpu().ours()));
        sample.problems().forEach(problem -> line.append(" | ").append(problem));
        return line.toString();
    }

    // Before the load --------------------------------------------------------------------------------------------------

    /**
     * Waits until every consumer group's lag is 0 and the number of scored occupations has not moved for
     * {@link #QUIET}: what the start (or the preparation) set off is done.
     */
    private void settle(ConsumerLag lag, String after) {
        long started = System.nanoTime();
        long[] seen = {-1, System.nanoTime()};
        long[] reported = {System.nanoTime()};
        try {
            await().atMost(SETTLE_LIMIT).pollInterval(Duration.ofSeconds(2)).until(() -> {
                Map<String, Long> lags = lag.byGroup();
                long scored = total("/api/occupations?size=1&minScore=0&maxScore=10");
                if (scored != seen[0]) {
                    seen[0] = scored;
                    seen[1] = System.nanoTime();
                }
                if (System.nanoTime() - reported[0] > TimeUnit.SECONDS.toNanos(10)) {
                    reported[0] = System.nanoTime();
                    out.printf("settling after %s: %,d scored, lag %s (%.0f s)%n", after, scored, lags,
                            seconds(started));
                }
                return !lags.isEmpty() && ConsumerLag.total(lags) == 0
                        && System.nanoTime() - seen[1] >= QUIET.toNanos();
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("not settled " + SETTLE_LIMIT.toMinutes() + " min after " + after, e);
        }
        out.printf("settled after %s in %.0f s: %,d occupations scored, every consumer group at lag 0%n", after,
                seconds(started), seen[0]);
    }

    /** The check's own ANZSCO occupations (codes 97xxxx, which ANZSCO does not use), as an admin creates them. */
    private List<Traffic.Own> createOwn(Random random) throws IOException, InterruptedException {
        List<Traffic.Own> own = new ArrayList<>();
        while (own.size() < settings.occupations()) {
            String code = String.valueOf(970000 + random.nextInt(10000));
            HttpResponse<String> created = send("POST", "/api/occupations",
                    Traffic.page(code, Traffic.word(random), 60000), system.adminToken());
            if (created.statusCode() == 409) {
                continue; // taken by an earlier pick
            }
            if (created.statusCode() != 201) {
                throw new IllegalStateException("occupation " + code + " not created: " + created.statusCode() + " "
                        + created.body());
            }
            own.add(new Traffic.Own("anzsco-" + code, code, created.headers().firstValue("ETag").orElse(null)));
        }
        return own;
    }

    /** One webhook watching every one of them, for every kind of change: the edits' alerts go out all along. */
    private void watch(List<Traffic.Own> own, String hookUrl) {
        Map<String, Object> body = Map.of("webhookUrl", hookUrl + "/watched",
                "occupationIds", own.stream().map(o -> o.id).toList());
        // The notification service accepts a watch once the catalog's events have told it of the occupations.
        HttpResponse<String> created = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> send("POST", "/api/subscriptions", body, null), r -> r.statusCode() == 201);
        out.printf("created %d occupations and a webhook watching them (%s)%n", own.size(),
                created.headers().firstValue("Location").orElse(""));
    }

    private List<String> listIds(String filter) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode items = json.readTree(send("GET", "/api/occupations?size=100&page=" + page + filter, null, null)
                    .body()).path("items");
            if (items.isEmpty()) {
                return ids;
            }
            items.forEach(item -> ids.add(item.path("id").asText()));
        }
    }

    private long total(String path) throws IOException, InterruptedException {
        return json.readTree(send("GET", path, null, null).body()).path("total").asLong();
    }

    /** Each service's kept dead letters (GET /api/<service>/dead-letters), by service. */
    private Map<String, Long> deadLetters() throws IOException, InterruptedException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String owner : DEAD_LETTER_OWNERS) {
            HttpResponse<String> page = send("GET", "/api/" + owner + "/dead-letters?size=1", null,
                    system.adminToken());
            if (page.statusCode() != 200) {
                throw new IllegalStateException(owner + " dead letters: " + page.statusCode() + " " + page.body());
            }
            counts.put(owner, json.readTree(page.body()).path("total").asLong());
        }
        return counts;
    }

    private HttpResponse<String> send(String method, String path, Object body, String bearer)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? BodyPublishers.noBody()
                        : BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), BodyHandlers.ofString(UTF_8));
    }

    // After the load ---------------------------------------------------------------------------------------------------

    /** ERROR and WARN lines each service logged from the first sample to the drain, with the first few of each. */
    private static void scanLog(LoadReport report, Path log, long from, long to) throws IOException {
        Map<Service, Long> errors = new EnumMap<>(Service.class);
        Map<Service, Long> warnings = new EnumMap<>(Service.class);
        List<String> firstErrors = new ArrayList<>();
        List<String> firstWarnings = new ArrayList<>();
        byte[] bytes = new byte[(int) (to - from)];
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            file.seek(from);
            file.readFully(bytes);
        }
        for (String line : new String(bytes, UTF_8).split("\n")) {
            Matcher matcher = LOG_LINE.matcher(line);
            if (!matcher.matches()) {
                continue;
            }
            Service service = null;
            for (Service candidate : Service.values()) {
                if (candidate.shortName().equals(matcher.group(1))) {
                    service = candidate;
                }
            }
            if (service == null) {
                continue; // the launcher's own lines
            }
            boolean error = matcher.group(2).equals("ERROR");
            (error ? errors : warnings).merge(service, 1L, Long::sum);
            List<String> first = error ? firstErrors : firstWarnings;
            if (first.size() < (error ? 10 : 5)) {
                first.add(line.length() > 400 ? line.substring(0, 400) + "..." : line);
            }
        }
        report.errorLines = errors;
        report.warnLines = warnings;
        report.firstErrorLines = firstErrors;
        report.firstWarnLines = firstWarnings;
    }

    // Helpers ----------------------------------------------------------------------------------------------------------

    private static String machine() {
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return String.format(Locale.ROOT, "%d cores, %.0f GiB memory, %s %s; the service JVMs as the launcher starts "
                        + "them (-Xmx384m, serial GC, C1 only); %s", Runtime.getRuntime().availableProcessors(),
                memory / 1073741824.0, System.getProperty("java.vm.vendor"), Runtime.version(),
                TestInfrastructure.describe());
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private void close() {
        if (system != null) {
            system.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
        receiving.shutdownNow();
        if (http != null) {
            http.close();
        }
        if (servicesLog != null) {
            servicesLog.close();
        }
    }
}

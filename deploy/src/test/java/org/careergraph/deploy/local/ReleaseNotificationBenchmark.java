package org.careergraph.deploy.local;

import org.careergraph.deploy.WebhookChallenge;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.core.ConditionTimeoutException;
import org.careergraph.embedded.FreePorts;
import org.careergraph.events.Topics;
import org.careergraph.testsupport.TestInfrastructure;
import org.careergraph.testsupport.TopicProbe;

/**
 * Not a test: how long after an admin imports a new official release the last subscriber hears of it, on the whole
 * local system (four services, the web front and the gateway, started by {@link LocalLauncher} as
 * {@code ReleaseScoresIT} starts them, on the test broker and database).
 *
 * <p>Every bundled release is imported through {@code POST /api/releases}, with OEWS May 2023 in place of May 2024,
 * and the benchmark waits until the scores stop moving. A webhook (a receiver in this JVM) then watches
 * {@code -Dbench.watched=100} US occupations whose scores May 2024 should move (chosen beforehand: by docs/scoring.md's
 * rule their OEWS median moves their income by 0.1 or more against the new all-occupations median, see
 * {@link #chooseWatched}), and a second one watches every SOC code under {@code -Dbench.prefix=15-} (empty: none),
 * whose occupations' scores may move or not. Then OEWS May 2024 is imported and, from the upload, measured:
 * <ol>
 *   <li>the import APPLIED (its own time: the baseline every other figure is divided by);</li>
 *   <li>the last occupation-changed event the import caused, and the last score-changed event (the Kafka records'
 *       timestamps);</li>
 *   <li>for the occupations whose score moved (found from the score-changed events, not from the choice), the median
 *       and the last webhook that tells the score change (a release's notice and its score change make one alert);</li>
 *   <li>for those the import changed whose score did not move, the last webhook: the release's alert, which the
 *       notification service holds for its release-hold window in case a score change follows
 *       ({@code careergraph.notification.release-hold.window}; {@code NOTIFICATION_RELEASE_HOLD_WINDOW} in this JVM's
 *       environment reaches the services, which inherit it).</li>
 * </ol>
 * The measured import ends when it is APPLIED, no event has come for {@link #QUIET} and every expected webhook is in;
 * the benchmark then listens for the hold window and 5 s more, and prints the table, how many alerts each receiver
 * got, and the watched occupations whose score did not move with their income's rule now.
 * Progress is printed every two seconds; the services' output goes to a file (its path is printed). The services must
 * be built first; docs/performance.md has the commands.
 */
public final class ReleaseNotificationBenchmark {

    private static final int WATCHED = Integer.getInteger("bench.watched", 100);
    private static final String PREFIX = System.getProperty("bench.prefix", "15-");
    /** Occupation ids per subscription: the API takes at most 100. */
    private static final int PER_SUBSCRIPTION = 100;
    /** No new event for this long after the import: every event it causes has come. */
    private static final Duration QUIET = Duration.ofSeconds(10);
    private static final Duration PROGRESS = Duration.ofSeconds(2);
    private static final Duration LIMIT = Duration.ofMinutes(20);
    private static final int NO_MAIL = 9;
    private static final String SCORE_CHANGED = "careergraph.score.changed.v1";

    private final ObjectMapper json = new ObjectMapper();
    private final Path root = Path.of(System.getProperty("careergraph.root", "..")).toAbsolutePath().normalize();
    private final List<Alert> alerts = new CopyOnWriteArrayList<>();
    private final ExecutorService receiving = Executors.newFixedThreadPool(8);
    private HttpServer receiver;
    private LocalLauncher launcher;
    private SystemApi api;
    private TopicProbe occupationEvents;
    private TopicProbe scoreEvents;
    private ServicesLog servicesLog;
    private boolean closed;
    /** Why each watched occupation was chosen: "SOC 15-2051: 108020 -> 112590, income 7.9 -> 8.0". */
    private final Map<String, String> predictions = new HashMap<>();

    /** A webhook as received: which receiver, for which occupation, whether it tells a score change, and when. */
    private record Alert(String hook, String occupationId, boolean toldScore, long receivedAt) {
    }

    public static void main(String[] args) {
        int exit = 0;
        ReleaseNotificationBenchmark benchmark = new ReleaseNotificationBenchmark();
        // Ctrl-C stops the services too (the broker and database stop by their own hook).
        Runtime.getRuntime().addShutdownHook(new Thread(benchmark::close, "benchmark-shutdown"));
        try {
            benchmark.run();
        } catch (Throwable e) { // whatever failed, stop everything: the broker's threads would keep the JVM alive
            e.printStackTrace();
            exit = 1;
        } finally {
            benchmark.close();
        }
        System.exit(exit);
    }

    private void run() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path home = Path.of("target", "release-benchmark", run).toAbsolutePath();
        Files.createDirectories(home);
        servicesLog = ServicesLog.in(home);
        System.out.printf("Release -> notification benchmark: %s; the services' output goes to %s%n", machine(),
                servicesLog.file());

        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks/watched", exchange -> receive("watched", exchange));
        receiver.createContext("/hooks/prefix", exchange -> receive("prefix", exchange));
        receiver.setExecutor(receiving);
        receiver.start();

        long started = System.nanoTime();
        LocalLauncher.Infrastructure infrastructure = new LocalLauncher.Infrastructure(
                TestInfrastructure.kafkaBootstrapServers(),
                database -> TestInfrastructure.jdbcUrl("relbench_" + run + "_" + database),
                TestInfrastructure.dbUsername(), TestInfrastructure.dbPassword(), NO_MAIL);
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, FreePorts.pick());
        }
        launcher = servicesLog.start(new LocalLauncher(new LocalLauncher.Config(root, home, FreePorts.pick(), ports,
                false, false, Duration.ofMinutes(5), servicesLog.out())), infrastructure);
        api = new SystemApi(launcher.url().toString(), launcher.adminToken());
        occupationEvents = TopicProbe.open(TestInfrastructure.kafkaBootstrapServers(), Topics.OCCUPATIONS);
        scoreEvents = TopicProbe.open(TestInfrastructure.kafkaBootstrapServers(), Topics.SCORES);
        System.out.printf("system started in %.0f s at %s%n", seconds(started), launcher.url());

        importAll();
        List<String> ids = api.occupationIds("");
        awaitScored(ids.size());
        quiet();

        Map<String, String> wages2023 = medians(root.resolve(
                "catalog-service/src/test/resources/releases/national_M2023_dl.csv"));
        SystemApi.Release may2024 = SystemApi.oewsMay2024(root);
        Map<String, String> wages2024 = medians(root.resolve(
                "catalog-service/src/main/resources/releases/bls-oews/national_M2024_dl.csv"));
        List<String> watched = chooseWatched(wages2023, wages2024);
        subscribe(watched);

        Run measured = measure(may2024, watched);
        measured.print();
    }

    // The measured import -------------------------------------------------------------------------------------------

    /** What the import caused, as seen so far; times in ms since the upload. */
    private final class Run {

        final long upload;
        final List<String> watched;
        final Map<String, String> codes = new HashMap<>();
        long applied = -1;
        int importTotal;
        int importDone;
        String importStatus = "QUEUED";
        List<ConsumerRecord<String, byte[]>> occupations = List.of();
        List<ConsumerRecord<String, byte[]>> scores = List.of();
        long lastEventSeen;

        Run(long upload, List<String> watched) {
            this.upload = upload;
            this.watched = watched;
            this.lastEventSeen = upload;
        }

        Set<String> moved() {
            Set<String> moved = new TreeSet<>();
            scores.forEach(record -> moved.add(record.key()));
            return moved;
        }

        Set<String> changed() {
            Set<String> changed = new TreeSet<>();
            occupations.forEach(record -> changed.add(record.key()));
            return changed;
        }

        /** The occupations under the prefix that the import changed. */
        Set<String> underPrefix() {
            Set<String> under = new TreeSet<>();
            if (!PREFIX.isEmpty()) {
                codes.forEach((id, code) -> {
                    if (code.startsWith("SOC " + PREFIX)) {
                        under.add(id);
                    }
                });
            }
            return under;
        }

        /**
         * When each occupation's expected alert came (ms since the upload; missing: not yet): the one that tells its
         * score change where its score moved, else its release's alert.
         */
        Map<String, Long> expectedAlerts(String hook, Set<String> occupations) {
            Set<String> moved = moved();
            Set<String> changed = changed();
            Map<String, Long> received = new HashMap<>();
            for (Alert alert : alerts) {
                if (alert.hook().equals(hook) && occupations.contains(alert.occupationId())
                        && (alert.toldScore() || !moved.contains(alert.occupationId()))) {
                    received.merge(alert.occupationId(), alert.receivedAt() - upload, Math::min);
                }
            }
            received.keySet().retainAll(changed);
            return received;
        }

        Set<String> expected(Set<String> occupations) {
            Set<String> expected = new TreeSet<>(occupations);
            expected.retainAll(changed());
            return expected;
        }

        boolean done(long now) {
            return applied >= 0 && now - lastEventSeen >= QUIET.toMillis()
                    && expectedAlerts("watched", Set.copyOf(watched)).size() == expected(Set.copyOf(watched)).size()
                    && expectedAlerts("prefix", underPrefix()).size() == underPrefix().size();
        }

        String progress(long now) {
            long watchedIn = alerts.stream().filter(a -> a.hook().equals("watched")).count();
            long prefixIn = alerts.stream().filter(a -> a.hook().equals("prefix")).count();
            double since = Math.max(1, now - upload) / 1000.0;
            return "t+%.0f s | import %s %d/%d | occupation events %,d | score events %,d | watched alerts %d/%d"
                    .formatted(since, importStatus, importDone, importTotal, occupations.size(), scores.size(),
                            watchedIn, expected(Set.copyOf(watched)).size())
                    + (PREFIX.isEmpty() ? "" : " | prefix %s alerts %d/%d".formatted(PREFIX, prefixIn,
                    underPrefix().size()))
                    + " | %.1f alerts/s".formatted((watchedIn + prefixIn) / since);
        }

        void print() {
            Set<String> moved = moved();
            Set<String> watchedChanged = expected(Set.copyOf(watched));
            Map<String, Long> watchedAlerts = expectedAlerts("watched", watchedChanged);
            Map<String, Long> prefixAlerts = expectedAlerts("prefix", underPrefix());
            long toldScore = alerts.stream().filter(a -> a.hook().equals("watched") && a.toldScore()).count();

            System.out.printf("%nOEWS May 2023 -> May 2024 on the whole local system: %s; release-hold window %s%n%n",
                    machine(), holdWindow());
            System.out.println("| from the upload of OEWS May 2024 to | time | x the import's own time |");
            System.out.println("|---|---:|---:|");
            line("the import APPLIED (%,d occupations checked): **baseline**".formatted(importTotal), applied);
            line("the last of %,d occupation-changed events (%,d occupations)".formatted(occupations.size(),
                    changed().size()), last(occupations));
            line("the last of %,d score-changed events".formatted(scores.size()), last(scores));
            alertLines("watched", watchedAlerts, moved);
            if (!PREFIX.isEmpty()) {
                alertLines("SOC " + PREFIX + "*", prefixAlerts, moved);
            }
            System.out.printf("%nWebhooks: %d to the watched occupations' receiver (%d telling a score change), %d to"
                            + " the prefix's. Of the %d watched, chosen because their OEWS medians move their income"
                            + " by 0.1 or more by docs/scoring.md's rule, %d had a score-changed event.%n",
                    alerts.stream().filter(a -> a.hook().equals("watched")).count(), toldScore,
                    alerts.stream().filter(a -> a.hook().equals("prefix")).count(), watched.size(),
                    watched.stream().filter(moved::contains).count());
            Map<String, List<String>> bySystem = new TreeMap<>();
            occupations.forEach(record -> bySystem.computeIfAbsent(codes.get(record.key()).split(" ")[0],
                    system -> new ArrayList<>()).add(record.key()));
            bySystem.forEach((system, keys) -> System.out.printf("Occupation-changed events, %s: %,d for %,d"
                    + " occupations%n", system, keys.size(), Set.copyOf(keys).size()));
            List<String> missed = watched.stream().filter(id -> !moved.contains(id)).toList();
            missed.stream().limit(3).forEach(id -> System.out.printf("Watched, did not move: %s (%s); its income"
                    + " now: %s%n", id, predictions.get(id), incomeNow(id)));
            if (missed.size() > 3) {
                System.out.printf("... and %d more watched occupations whose score did not move%n",
                        missed.size() - 3);
            }
        }

        /** The median and last alert of a receiver's occupations whose score moved, and the last of the others. */
        private void alertLines(String what, Map<String, Long> received, Set<String> moved) {
            List<Long> scored = new ArrayList<>();
            List<Long> unscored = new ArrayList<>();
            received.forEach((id, at) -> (moved.contains(id) ? scored : unscored).add(at));
            if (!scored.isEmpty()) {
                line("the median alert of the %d %s occupations whose score moved".formatted(scored.size(), what),
                        median(scored));
                line("the last alert of the %d %s occupations whose score moved".formatted(scored.size(), what),
                        max(scored));
            }
            if (!unscored.isEmpty()) {
                line("the last alert of the %d %s occupations changed whose score did not (held for the window)"
                        .formatted(unscored.size(), what), max(unscored));
            }
        }

        private void line(String what, long millis) {
            System.out.printf("| %s | %s | **%.1f** |%n", what, millis < 0 ? "-" : "%.1f s".formatted(millis / 1000.0),
                    millis < 0 || applied <= 0 ? Double.NaN : millis / (double) applied);
        }

        private long last(List<ConsumerRecord<String, byte[]>> records) {
            return records.stream().mapToLong(ConsumerRecord::timestamp).max().orElse(upload - 1) - upload;
        }

        private static long max(Collection<Long> values) {
            return values.stream().mapToLong(Long::longValue).max().orElse(-1);
        }

        private static long median(Collection<Long> values) {
            List<Long> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            return sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2);
        }
    }

    private Run measure(SystemApi.Release may2024, List<String> watched) throws Exception {
        int occupationMark = caughtUp(occupationEvents);
        int scoreMark = caughtUp(scoreEvents);
        System.out.printf("%nImporting OEWS May 2024; waiting for every event it causes and the alerts (%d watched"
                + " occupations%s)%n", watched.size(), PREFIX.isEmpty() ? "" : ", SOC " + PREFIX + "*");
        Run run = new Run(System.currentTimeMillis(), watched);
        String location = api.upload(may2024);
        long[] reported = {System.nanoTime()};
        try {
            await().atMost(LIMIT).pollInterval(Duration.ofMillis(250)).until(() -> {
                long now = System.currentTimeMillis();
                observe(run, location, occupationMark, scoreMark, now);
                if (System.nanoTime() - reported[0] > PROGRESS.toNanos()) {
                    reported[0] = System.nanoTime();
                    System.out.println(run.progress(now));
                }
                return run.done(now);
            });
        } catch (ConditionTimeoutException e) {
            System.out.println("Gave up after " + LIMIT.toMinutes() + " minutes: "
                    + run.progress(System.currentTimeMillis()));
            return run;
        }
        // Anything more (a second alert for one occupation) would come within the hold window.
        Duration settle = holdWindowDuration().plusSeconds(5);
        int told = alerts.size();
        System.out.printf("%s%nEvery expected alert is in; listening %d s more for any other%n",
                run.progress(System.currentTimeMillis()), settle.toSeconds());
        try {
            await().during(settle).atMost(settle.plusSeconds(10)).until(() -> alerts.size() == told);
        } catch (ConditionTimeoutException e) {
            System.out.printf("%,d alerts more than expected came meanwhile%n", alerts.size() - told);
        }
        return run;
    }

    /** Reads the import's progress and the events it caused so far into {@code run}. */
    private void observe(Run run, String location, int occupationMark, int scoreMark, long now) throws Exception {
        if (run.applied < 0) {
            JsonNode status = api.importStatus(location);
            run.importStatus = status.path("status").asText();
            run.importTotal = status.path("total").asInt();
            run.importDone = status.path("done").asInt();
            if (run.importStatus.equals("APPLIED")) {
                run.applied = Instant.parse(status.path("finishedAt").asText()).toEpochMilli() - run.upload;
            } else if (!List.of("QUEUED", "RUNNING").contains(run.importStatus)) {
                throw new IllegalStateException("OEWS May 2024: " + status);
            }
        }
        List<ConsumerRecord<String, byte[]>> occupations = after(occupationEvents, occupationMark);
        List<ConsumerRecord<String, byte[]>> scores = after(scoreEvents, scoreMark);
        if (occupations.size() != run.occupations.size() || scores.size() != run.scores.size()) {
            run.lastEventSeen = now;
        }
        for (ConsumerRecord<String, byte[]> record : occupations.subList(run.occupations.size(),
                occupations.size())) {
            JsonNode facts = json.readTree(record.value()).path("occupation");
            run.codes.put(record.key(), facts.path("codeSystem").asText() + " " + facts.path("code").asText());
        }
        run.occupations = occupations;
        run.scores = scores;
    }

    /** The income dimension of an occupation's score as the API tells it now, for a prediction that missed. */
    private String incomeNow(String id) {
        try {
            JsonNode score = api.getJson("/api/scores/" + id);
            for (JsonNode dimension : score.path("explanation").path("dimensions")) {
                if (dimension.path("dimension").asText().equals("income")) {
                    return dimension.path("value").asText() + ", " + dimension.path("rule").asText();
                }
            }
            return score.toString();
        } catch (IOException | InterruptedException e) {
            return e.toString();
        }
    }

    /** How many records the probe has seen once it has read the topic to its end (a poll reads only a part). */
    private static int caughtUp(TopicProbe probe) {
        int seen = -1;
        int now = probe.records().size();
        while (now != seen) {
            seen = now;
            now = probe.records().size();
        }
        return now;
    }

    private static List<ConsumerRecord<String, byte[]>> after(TopicProbe probe, int mark) {
        List<ConsumerRecord<String, byte[]>> records = probe.records();
        return records.subList(Math.min(mark, records.size()), records.size());
    }

    private void receive(String hook, HttpExchange exchange) throws IOException {
        long at = System.currentTimeMillis();
        try (exchange) {
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            if (WebhookChallenge.answered(exchange, bytes)) {
                return; // a subscription's verification, not an alert
            }
            JsonNode body = json.readTree(bytes);
            boolean toldScore = !body.path("scoreChange").isMissingNode() && !body.path("scoreChange").isNull()
                    || SCORE_CHANGED.equals(body.path("eventType").asText());
            alerts.add(new Alert(hook, body.path("occupationId").asText(), toldScore, at));
            exchange.sendResponseHeaders(204, -1);
        }
    }

    // Before the measured import -------------------------------------------------------------------------------------

    /** Every bundled series but OEWS, with OEWS May 2023, as ReleaseScoresIT imports them. */
    private void importAll() throws Exception {
        for (SystemApi.Release release : SystemApi.releasesUpToOewsMay2023(root)) {
            importRelease(release.name(), api.upload(release));
        }
    }

    private void importRelease(String name, String location) {
        long start = System.nanoTime();
        long[] reported = {start};
        JsonNode done = await().atMost(LIMIT).pollInterval(Duration.ofMillis(250)).until(() -> {
            JsonNode status = api.importStatus(location);
            if (System.nanoTime() - reported[0] > PROGRESS.toNanos()) {
                reported[0] = System.nanoTime();
                System.out.printf("importing %s: %s %,d/%,d%n", name, status.path("status").asText(),
                        status.path("done").asInt(), status.path("total").asInt());
            }
            return status;
        }, status -> !List.of("QUEUED", "RUNNING").contains(status.path("status").asText()));
        if (!done.path("status").asText().equals("APPLIED")) {
            throw new IllegalStateException(name + ": " + done);
        }
        System.out.printf("imported %s in %.1f s (%,d occupations)%n", name, seconds(start),
                done.path("total").asInt());
    }

    /**
     * Waits until neither the number of scored occupations nor the score events have moved for {@link #QUIET} with
     * nearly all scored (an occupation with nothing to rate, such as the military SOC 55-*, which have no figure,
     * page or status, has no score), or for a minute whatever the number (a stall on a busy machine looks the same).
     */
    private void awaitScored(int occupations) {
        long start = System.nanoTime();
        long[] reported = {start};
        long[] steadySince = {start};
        long[] counts = {-1, -1};
        try {
            await().atMost(LIMIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
                long scored = api.total("/api/occupations?size=1&minScore=0&maxScore=10");
                int events = scoreEvents.records().size();
                if (scored != counts[0] || events != counts[1]) {
                    counts[0] = scored;
                    counts[1] = events;
                    steadySince[0] = System.nanoTime();
                }
                if (System.nanoTime() - reported[0] > PROGRESS.toNanos()) {
                    reported[0] = System.nanoTime();
                    System.out.printf("scored %,d/%,d occupations, %,d score events (%.0f s)%n", scored,
                            occupations, events, seconds(start));
                }
                long steady = System.nanoTime() - steadySince[0];
                return steady >= QUIET.toNanos() && scored >= occupations * 0.95
                        || steady >= Duration.ofMinutes(1).toNanos();
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("scores still moving after " + LIMIT.toMinutes() + " minutes", e);
        }
        System.out.printf("scored %,d of %,d occupations in %.0f s (the others have nothing to rate)%n", counts[0],
                occupations, seconds(start));
    }

    /** Waits until no score event has come for five seconds. */
    private void quiet() {
        int[] seen = {-1};
        await().atMost(LIMIT).pollInterval(Duration.ofSeconds(5)).until(() -> {
            int now = scoreEvents.records().size();
            return seen[0] == (seen[0] = now);
        });
        System.out.printf("no score event for 5 s (%,d so far)%n", seen[0]);
    }

    /**
     * US occupations whose May 2024 figures move their income by at least 0.1, so that their score moves: income is
     * pointsAtMedian + perDoubling x log2(median / all occupations' median) (docs/scoring.md), the medians of the
     * wage SOC code the catalog holds (May 2023) and of May 2024's file, both all-occupations medians (48,060 and
     * 49,500) from the files; top-coded medians and incomes near 0 or 10 (held there) are left out. A fixed random
     * order, so that the occupations are spread over the SOC groups.
     */
    private List<String> chooseWatched(Map<String, String> wages2023, Map<String, String> wages2024)
            throws Exception {
        JsonNode income = api.getJson("/api/scoring/model")
                .path("model").path("income");
        double points = income.path("pointsAtMedian").asDouble(5);
        double perDoubling = income.path("perDoubling").asDouble(2.5);
        double all2023 = Double.parseDouble(wages2023.get("00-0000"));
        double all2024 = Double.parseDouble(wages2024.get("00-0000"));
        List<String> soc = api.occupationIds("&codeSystem=SOC");
        Collections.shuffle(soc, new Random(16));
        List<String> watched = new ArrayList<>();
        int read = 0;
        for (String id : soc) {
            if (watched.size() == WATCHED) {
                break;
            }
            read++;
            JsonNode wages = api.getJson("/api/occupations/" + id)
                    .path("page").path("official").path("wages");
            JsonNode median = null;
            for (JsonNode percentile : wages.path("percentiles")) {
                if (percentile.path("percentile").asInt() == 50) {
                    median = percentile.path("annual");
                }
            }
            String next = wages2024.get(wages.path("socCode").asText());
            if (median == null || median.isMissingNode() || median.isNull() || median.path("atLeast").asBoolean()
                    || next == null || !next.matches("[0-9.]+")) {
                continue;
            }
            double before = points + perDoubling * log2(median.path("amount").asDouble() / all2023);
            double after = points + perDoubling * log2(Double.parseDouble(next) / all2024);
            if (Math.abs(after - before) >= 0.1 && Math.min(before, after) > 0.1 && Math.max(before, after) < 9.9) {
                watched.add(id);
                predictions.put(id, "SOC %s: %s -> %s, income %.2f -> %.2f".formatted(wages.path("socCode").asText(),
                        median.path("amount").asText(), next, before, after));
            }
        }
        System.out.printf("watching %d US occupations whose income May 2024 moves by 0.1 or more by the documented"
                + " rule (%d read of %d)%n", watched.size(), read, soc.size());
        return watched;
    }

    private void subscribe(List<String> watched) throws Exception {
        String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
        List<Map<String, Object>> requests = new ArrayList<>();
        for (int from = 0; from < watched.size(); from += PER_SUBSCRIPTION) {
            // A URL of its own each (under the context's path): one URL takes only a few subscriptions.
            requests.add(Map.of("webhookUrl", base + "/hooks/watched/" + from, "occupationIds",
                    watched.subList(from, Math.min(watched.size(), from + PER_SUBSCRIPTION))));
        }
        if (!PREFIX.isEmpty()) {
            requests.add(Map.of("webhookUrl", base + "/hooks/prefix", "codePrefixes",
                    List.of(Map.of("codeSystem", "SOC", "prefix", PREFIX))));
        }
        for (Map<String, Object> request : requests) {
            HttpResponse<String> created = api.send("POST", "/api/subscriptions", json.writeValueAsBytes(request),
                    "application/json", null);
            if (created.statusCode() != 201) {
                throw new IllegalStateException("subscription refused: " + created.statusCode() + " " + created.body());
            }
        }
    }

    /** OCC_CODE -> A_MEDIAN of an OEWS national file ("#": top-coded, "*": none). */
    private static Map<String, String> medians(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, UTF_8);
        List<String> header = cells(lines.getFirst().replace("\uFEFF", ""));
        int code = header.indexOf("OCC_CODE");
        int median = header.indexOf("A_MEDIAN");
        Map<String, String> medians = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = cells(line);
            if (cells.size() > Math.max(code, median)) {
                medians.putIfAbsent(cells.get(code), cells.get(median).replace(",", ""));
            }
        }
        return medians;
    }

    /** One CSV line's cells (quoted cells may hold commas). */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    // The system, through the gateway --------------------------------------------------------------------------------

    // Helpers --------------------------------------------------------------------------------------------------------

    /** The release-hold window the notification service runs with: this JVM's environment, else its default. */
    private String holdWindow() {
        String set = System.getenv("NOTIFICATION_RELEASE_HOLD_WINDOW");
        if (set != null && !set.isBlank()) {
            return set + " (NOTIFICATION_RELEASE_HOLD_WINDOW)";
        }
        String fallback = holdWindowDefault();
        return fallback == null ? "unknown (not found in notification-service's application.yml)"
                : fallback + " (notification-service's default)";
    }

    private Duration holdWindowDuration() {
        String set = System.getenv("NOTIFICATION_RELEASE_HOLD_WINDOW");
        String window = set != null && !set.isBlank() ? set : holdWindowDefault();
        Matcher duration = Pattern.compile("(\\d+)\\s*(ms|s|m|h)").matcher(window == null ? "" : window.strip());
        if (!duration.matches()) {
            return Duration.ofSeconds(30);
        }
        long amount = Long.parseLong(duration.group(1));
        return switch (duration.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    /** The default in the built notification service's application.yml (what the launcher runs), if any. */
    private String holdWindowDefault() {
        Path yml = root.resolve("notification-service/target/classes/application.yml");
        try {
            Matcher window = Pattern.compile("NOTIFICATION_RELEASE_HOLD_WINDOW:([^}]+)}")
                    .matcher(Files.readString(yml));
            return window.find() ? window.group(1).strip() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String machine() {
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return "%d cores, %,d MB memory, Java %s".formatted(Runtime.getRuntime().availableProcessors(),
                memory >> 20, Runtime.version());
    }

    private static double log2(double value) {
        return Math.log(value) / Math.log(2);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (launcher != null) {
            launcher.close();
        }
        for (AutoCloseable closeable : new AutoCloseable[] {occupationEvents, scoreEvents}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                System.err.println("closing: " + e);
            }
        }
        if (receiver != null) {
            receiver.stop(0);
        }
        receiving.shutdownNow();
        if (api != null) {
            api.close();
        }
        if (servicesLog != null) {
            servicesLog.close();
        }
    }
}

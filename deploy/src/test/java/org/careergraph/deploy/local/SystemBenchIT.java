package org.careergraph.deploy.local;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.careergraph.deploy.WebhookChallenge;
import org.careergraph.embedded.FreePorts;
import org.careergraph.events.EventType;
import org.careergraph.events.Topics;
import org.careergraph.testsupport.TestInfrastructure;
import org.careergraph.testsupport.TopicProbe;
import org.careergraph.testsupport.bench.BenchForm;
import org.careergraph.testsupport.bench.BenchReport;
import org.careergraph.testsupport.bench.Figure;
import org.careergraph.testsupport.bench.Goal;
import org.careergraph.testsupport.bench.HttpLoad;
import org.careergraph.testsupport.bench.Latencies;
import org.careergraph.testsupport.bench.Medians;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 19's whole-system figures, on one launch of the local system as {@code ./mvnw -Prun} runs it (the four
 * services and the web front each in its own JVM, the gateway, on the test broker and database; the full form loads
 * the bundled official releases, about 2,000 occupations, the smoke form the five seed pages), each beside a baseline
 * measured in the same run:
 * <ol>
 *   <li>the catalog read {@code GET /api/occupations/{id}} through the gateway against the same on the catalog's
 *       port, the same load;</li>
 *   <li>the career page {@code /occupations/{id}} on the web front against the API calls it makes, done by a client
 *       straight on the services as the page does them (in parallel, the rules after the status);</li>
 *   <li>occupation edits committed in the catalog to the score-changed events scoring publishes, edits a second end
 *       to end, against the same broker taking records and the same database committing one-row transactions at the
 *       edits' concurrency;</li>
 *   <li>a policy update accepted to the webhook at a subscriber of the occupation it moves, p50 and p99, against the
 *       broker's own end-to-end p99 plus the outbox relay's polling interval for each hop.</li>
 * </ol>
 * The services' output goes to {@code target/system-bench/<run>/services.log}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SystemBenchIT {

    private static final BenchForm FORM = BenchForm.current();
    private static final int NO_MAIL = 9;
    private static final Duration EVENTUALLY = Duration.ofMinutes(FORM.pick(2, 8));

    /** The HTTP figures: the same load for a figure and its baseline, rounds alternating between the two. */
    private static final int CONNECTIONS = 10;
    private static final Duration WARM_UP = FORM.pick(Duration.ofSeconds(1), Duration.ofSeconds(3));
    private static final Duration MEASURED = FORM.pick(Duration.ofSeconds(3), Duration.ofSeconds(8));
    private static final int ROUNDS = FORM.pick(1, 3);
    /** Occupations read, spread over the catalog. */
    private static final int READ_IDS = 100;
    /** As CareerController asks for them. */
    private static final int HISTORY_SHOWN = 100;

    /** The pipeline: editors at once, the occupations they edit in turn, and how long. */
    private static final int EDITORS = 4;
    private static final int EDITED = FORM.pick(8, 40);
    private static final Duration EDIT_WARM_UP = FORM.pick(Duration.ofSeconds(1), Duration.ofSeconds(5));
    private static final Duration EDITING = FORM.pick(Duration.ofSeconds(3), Duration.ofSeconds(20));
    private static final Duration RAW = FORM.pick(Duration.ofSeconds(3), Duration.ofSeconds(10));
    private static final int LOW_PAY = 50_000;
    private static final int HIGH_PAY = 90_000;

    /** The latency: policy updates one after another, each moving one of a few watched occupations. */
    private static final int WATCHED = 4;
    private static final int UPDATES_WARM_UP = FORM.pick(1, 10);
    private static final int UPDATES = FORM.pick(5, 200);
    /** OutboxRelay's default {@code careergraph.outbox.poll-interval}, which every service runs with. */
    private static final Duration RELAY_POLL = Duration.ofMillis(100);
    private static final double ALLOWED_PER_HOP_MS = 50;

    private final ObjectMapper json = new ObjectMapper();
    private final List<Figure> figures = new ArrayList<>();
    private final BlockingQueue<Webhook> webhooks = new LinkedBlockingQueue<>();
    private final ExecutorService receiving = Executors.newFixedThreadPool(4);
    private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
    private String run;
    private Path home;
    private HttpServer receiver;
    private ServicesLog servicesLog;
    private LocalLauncher launcher;
    private SystemApi api;
    private TopicProbe occupationEvents;
    private TopicProbe statusEvents;
    private TopicProbe policyEvents;
    private TopicProbe scoreEvents;
    /** The occupations read by the HTTP figures. */
    private List<String> readIds;
    /** Codes of the occupations this run creates: 9xxxxx, a major group ANZSCO does not have. */
    private int nextCode = 900_000 + ThreadLocalRandom.current().nextInt(0, 90_000);

    /** A webhook as received. */
    private record Webhook(String eventType, String eventId, String occupationId, JsonNode change,
                           long receivedMillis) {
    }

    @BeforeAll
    void startTheSystem() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks/bench", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                long receivedMillis = System.currentTimeMillis();
                if (WebhookChallenge.answered(exchange, body)) {
                    return;
                }
                JsonNode call = json.readTree(body);
                webhooks.add(new Webhook(call.path("eventType").asText(), call.path("eventId").asText(),
                        call.path("occupationId").asText(), call.path("change"), receivedMillis));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        receiver.setExecutor(receiving);
        receiver.start();

        run = UUID.randomUUID().toString().substring(0, 8);
        home = Path.of("target", "system-bench", run).toAbsolutePath();
        Files.createDirectories(home);
        servicesLog = ServicesLog.in(home);
        LocalLauncher.Infrastructure infrastructure = new LocalLauncher.Infrastructure(
                TestInfrastructure.kafkaBootstrapServers(), this::jdbcUrl, TestInfrastructure.dbUsername(),
                TestInfrastructure.dbPassword(), NO_MAIL);
        for (Service service : Service.values()) {
            ports.put(service, FreePorts.pick());
        }
        Path root = Path.of(System.getProperty("careergraph.root", "..")).toAbsolutePath().normalize();
        System.out.printf("System benchmark, %s form: starting the system%s; the services' output goes to %s%n",
                FORM.name().toLowerCase(), FORM.isFull() ? " with the bundled releases" : "", servicesLog.file());
        long started = System.nanoTime();
        launcher = servicesLog.start(new LocalLauncher(new LocalLauncher.Config(root, home, FreePorts.pick(), ports,
                true, FORM.isFull(), Duration.ofMinutes(8), servicesLog.out())), infrastructure);
        api = new SystemApi(launcher.url().toString(), launcher.adminToken());
        String kafka = TestInfrastructure.kafkaBootstrapServers();
        occupationEvents = TopicProbe.open(kafka, Topics.OCCUPATIONS);
        statusEvents = TopicProbe.open(kafka, Topics.IMMIGRATION_STATUSES);
        policyEvents = TopicProbe.open(kafka, Topics.IMMIGRATION_POLICIES);
        scoreEvents = TopicProbe.open(kafka, Topics.SCORES);
        System.out.printf("ready in %.0f s at %s; waiting until every occupation has flowed through immigration and "
                + "scoring%n", (System.nanoTime() - started) / 1e9, launcher.url());
        quiet();
        List<String> all = api.occupationIds("");
        readIds = new ArrayList<>();
        for (int i = 0; i < Math.min(READ_IDS, all.size()); i++) {
            readIds.add(all.get(i * all.size() / Math.min(READ_IDS, all.size())));
        }
        System.out.printf("quiet after %.0f s: %d occupations, %d of them read by the HTTP figures%n",
                (System.nanoTime() - started) / 1e9, all.size(), readIds.size());
    }

    @AfterAll
    void stopTheSystem() {
        try {
            if (!figures.isEmpty()) {
                BenchReport.write("system", "The whole local system (four services, the web front, the gateway; "
                        + (FORM.isFull() ? "the bundled releases, about 2,000 occupations" : "the five seed pages")
                        + "): catalog read through the gateway, the career page, edits through the event pipeline, "
                        + "a policy update to its webhooks", figures);
            }
        } finally {
            for (AutoCloseable open : new AutoCloseable[] {launcher, api, occupationEvents, statusEvents, policyEvents,
                scoreEvents, servicesLog}) {
                closeQuietly(open);
            }
            if (receiver != null) {
                receiver.stop(0);
            }
            receiving.shutdownNow();
        }
    }

    // ---- 1: the gateway -------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void catalogReadThroughTheGatewayAgainstDirect() {
        LongFunction<String> read = n -> "/api/occupations/" + readIds.get((int) (n % readIds.size()));
        Rounds rounds = new Rounds();
        for (int round = 1; round <= ROUNDS; round++) {
            HttpLoad.Result direct = HttpLoad.get(service(Service.CATALOG), read, CONNECTIONS, WARM_UP, MEASURED);
            CpuShares cpu = CpuShares.start();
            HttpLoad.Result gateway;
            try (Profiles profile = Profiles.start(home, "gateway-read-" + round, Service.CATALOG)) {
                gateway = HttpLoad.get(launcher.url(), read, CONNECTIONS, WARM_UP, MEASURED);
            }
            rounds.cpu = cpu.stop();
            System.out.printf("round %d/%d: catalog read direct %s; through the gateway %s (%s)%n", round, ROUNDS,
                    direct, gateway, rounds.cpu);
            assertWorked(direct);
            assertWorked(gateway);
            rounds.add(gateway.rate(), direct.rate());
        }
        figures.add(rounds.rateFigure("GET /api/occupations/{id} through the gateway", "req/s",
                "the same on the catalog's own port", Goal.ratioAtLeast(0.8), loadNote()));
    }

    // ---- 2: the career page ---------------------------------------------------------------------------------------

    @Test
    @Order(2)
    void careerPageAgainstTheCallsItMakes() throws Exception {
        Map<String, List<CallSetLoad.Call>> calls = new HashMap<>();
        for (String id : readIds) {
            calls.put(id, pageCalls(id));
        }
        LongFunction<String> page = n -> "/occupations/" + readIds.get((int) (n % readIds.size()));
        LongFunction<List<CallSetLoad.Call>> callSet = n -> calls.get(readIds.get((int) (n % readIds.size())));
        Rounds rounds = new Rounds();
        for (int round = 1; round <= ROUNDS; round++) {
            HttpLoad.Result direct = CallSetLoad.run(callSet, 7, CONNECTIONS, WARM_UP, MEASURED);
            CpuShares cpu = CpuShares.start();
            HttpLoad.Result pages;
            try (Profiles profile = Profiles.start(home, "career-page-" + round, Service.values())) {
                pages = HttpLoad.get(service(Service.WEB), page, CONNECTIONS, WARM_UP, MEASURED);
            }
            rounds.cpu = cpu.stop();
            System.out.printf("round %d/%d: the page's calls straight on the services %s; the career page %s (%s)%n",
                    round, ROUNDS, direct, pages, rounds.cpu);
            assertWorked(direct);
            assertWorked(pages);
            rounds.add(pages.rate(), direct.rate());
        }
        figures.add(rounds.rateFigure("career page /occupations/{id} on the web front", "pages/s",
                "its 6-7 API calls straight on the services, as the page makes them", Goal.ratioAtLeast(0.7),
                loadNote() + "; a baseline page: occupation, score, score history, status, revisions and releases at "
                        + "once, then the country's rules once the first four have answered (where the status names "
                        + "a country), each client on kept-alive connections"));
    }

    /** The calls CareerController makes for one page, in its order; the rules only where the status has a country. */
    private List<CallSetLoad.Call> pageCalls(String id) throws Exception {
        URI catalog = service(Service.CATALOG);
        URI scoring = service(Service.SCORING);
        URI immigration = service(Service.IMMIGRATION);
        List<CallSetLoad.Call> calls = new ArrayList<>(List.of(
                new CallSetLoad.Call(catalog, "/api/occupations/" + id, List.of()),
                new CallSetLoad.Call(scoring, "/api/scores/" + id, List.of()),
                new CallSetLoad.Call(scoring, "/api/scores/" + id + "/history?limit=" + HISTORY_SHOWN, List.of()),
                new CallSetLoad.Call(immigration, "/api/immigration/occupations/" + id + "/status", List.of()),
                new CallSetLoad.Call(catalog, "/api/occupations/" + id + "/revisions", List.of()),
                new CallSetLoad.Call(catalog, "/api/releases", List.of())));
        HttpResponse<String> status = api.send("GET", immigration + "/api/immigration/occupations/" + id + "/status",
                null, null, null);
        String country = status.statusCode() == 200 ? json.readTree(status.body()).path("country").asText("") : "";
        if (!country.isEmpty()) {
            calls.add(new CallSetLoad.Call(immigration, "/api/immigration/rules?country=" + country,
                    CallSetLoad.first(4)));
        }
        return calls;
    }

    // ---- 3: the event pipeline ------------------------------------------------------------------------------------

    @Test
    @Order(3)
    void editsThroughThePipelineAgainstTheRawBrokerAndDatabase() throws Exception {
        List<String> edited = createOccupations("Pipeline Worker", EDITED);
        Set<String> keys = Set.copyOf(edited);
        // Each occupation's pay alternates from one edit to its next, across runs: every edit changes something.
        AtomicIntegerArray editsOf = new AtomicIntegerArray(edited.size());
        LongFunction<HttpLoad.Request> edit = n -> {
            int occupation = (int) (n % edited.size());
            int pay = editsOf.getAndIncrement(occupation) % 2 == 0 ? LOW_PAY : HIGH_PAY;
            String id = edited.get(occupation);
            return new HttpLoad.Request("PUT", "/api/occupations/" + id,
                    body(page(id.substring("anzsco-".length()), "Pipeline Worker", pay)),
                    Map.of("Authorization", "Bearer " + launcher.adminToken(), "Content-Type", "application/json"));
        };
        // Not counted: the services' first edits (JIT, pools), then quiet again.
        assertWorked(HttpLoad.run(service(Service.CATALOG), edit, EDITORS, Duration.ZERO, EDIT_WARM_UP));
        quiet();

        Map<String, Long> countersBefore = databaseCounters();
        CpuShares cpu = CpuShares.start();
        long start = System.currentTimeMillis();
        HttpLoad.Result edits;
        try (Profiles profile = Profiles.start(home, "pipeline", Service.values())) {
            edits = HttpLoad.run(service(Service.CATALOG), edit, EDITORS, Duration.ZERO, EDITING);
        }
        String cpuShares = cpu.stop();
        System.out.printf("edits: %s (%s); waiting for the score-changed events they cause%n", edits, cpuShares);
        assertEquals(0, edits.failures(), "every edit committed");
        // Every committed edit is one occupation-changed event; each moves the pay, and with it the score.
        AtomicReference<Pipeline> seen = new AtomicReference<>();
        await().atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Pipeline now = pipeline(keys, start);
            Pipeline before = seen.getAndSet(now);
            return before != null && before.edits() == now.edits() && now.scored().size() == now.edits();
        });
        Pipeline done = seen.get();
        Map<String, Long> counters = difference(databaseCounters(), countersBefore);
        long lastScore = done.scored().stream().mapToLong(ConsumerRecord::timestamp).max().orElseThrow();
        double seconds = (lastScore - start) / 1000.0;
        double rate = done.edits() / seconds;
        assertTrue(done.edits() >= edits.requests(), "every answered edit is an event: " + done.edits());
        int keyBytes = edited.getFirst().length();
        int recordBytes = (int) done.scored().stream().mapToInt(SystemBenchIT::recordBytes).average().orElseThrow();
        System.out.printf("pipeline: %d edits -> %d score-changed events in %.1f s: %.0f edits/s; %s%n",
                done.edits(), done.scored().size(), seconds, rate, counters);

        double broker = RawRates.brokerRate(TestInfrastructure.kafkaBootstrapServers(), "bench.raw-rate." + run,
                keyBytes, recordBytes, EDITORS, WARM_UP, RAW);
        double database = RawRates.databaseRate(jdbcUrl("raw"), TestInfrastructure.dbUsername(),
                TestInfrastructure.dbPassword(), recordBytes, EDITORS, WARM_UP, RAW);
        System.out.printf("raw: broker %.0f records/s, database %.0f commits/s%n", broker, database);
        assertTrue(broker > 0 && database > 0, "the raw loops ran");

        boolean brokerLower = broker < database;
        double lower = Math.min(broker, database);
        figures.add(new Figure("occupation edits -> score-changed events published", rate, "edits/s",
                brokerLower ? "raw broker: records acknowledged" : "raw database: one-row commits", lower,
                brokerLower ? "records/s" : "commits/s", rate / lower, Goal.ratioAtLeast(0.5), String.format(
                        "%d edits (PUT /api/occupations/{id} on the catalog's port, %d at once, %d occupations in "
                                + "turn, each moving its pay and so its score) for %d s, from the first edit to the "
                                + "last score-changed event's broker timestamp; raw, %d at once for %d s: the broker "
                                + "%.0f records/s (idempotent producer, acks=all, %d-byte records, the events' size "
                                + "with their headers, each send waited for), the database %.0f commits/s (one "
                                + "%d-byte row a transaction). The edits alone were answered at %.0f/s (p50 %.0f ms); "
                                + "per edit the database wrote %.1f rows in %.1f COMMITs (all services, pollers "
                                + "included); while editing, %s",
                        done.edits(), EDITORS, EDITED, EDITING.toSeconds(), EDITORS, RAW.toSeconds(), broker,
                        recordBytes, database, recordBytes, edits.rate(), edits.latencies().percentileMillis(50),
                        perEdit(counters, done.edits(), "Handler_write", "Handler_update", "Handler_delete"),
                        perEdit(counters, done.edits(), "Com_commit"), cpuShares)));
    }

    /** The occupation-changed events of the edited occupations since {@code start}, and the scores they caused. */
    private record Pipeline(long edits, List<ConsumerRecord<String, byte[]>> scored) {
    }

    private Pipeline pipeline(Set<String> keys, long start) throws IOException {
        Set<String> editEvents = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : caughtUp(occupationEvents)) {
            if (keys.contains(record.key()) && record.timestamp() >= start) {
                editEvents.add(TopicProbe.header(record, "ce_id"));
            }
        }
        List<ConsumerRecord<String, byte[]>> scored = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : caughtUp(scoreEvents)) {
            if (keys.contains(record.key())
                    && editEvents.contains(json.readTree(record.value()).path("causeEventId").asText())) {
                scored.add(record);
            }
        }
        return new Pipeline(editEvents.size(), scored);
    }

    // ---- 4: policy update to webhook ------------------------------------------------------------------------------

    @Test
    @Order(4)
    void policyUpdateToWebhookAgainstTheRawBroker() throws Exception {
        List<String> watched = createOccupations("Latency Watcher", WATCHED);
        URI immigration = service(Service.IMMIGRATION);
        for (String id : watched) {
            await().atMost(EVENTUALLY).until(() -> api.send("GET", immigration + "/api/immigration/occupations/" + id
                    + "/status", null, null, null).statusCode() == 200);
        }
        String webhookUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/bench";
        HttpResponse<String> subscribed = await().atMost(EVENTUALLY).until(() -> api.send("POST",
                "/api/subscriptions", body(Map.of("webhookUrl", webhookUrl, "occupationIds", watched)),
                "application/json", null), response -> response.statusCode() == 201);
        String subscription = json.readTree(subscribed.body()).path("id").asText();
        quiet();
        webhooks.clear();

        List<Update> updates = new ArrayList<>();
        CpuShares cpu = CpuShares.start();
        long progressAt = System.nanoTime();
        for (int i = 0; i < UPDATES_WARM_UP + UPDATES; i++) {
            String id = watched.get(i % WATCHED);
            String tier = (i / WATCHED) % 2 == 0 ? "1" : "2";
            Update update = policyUpdate(immigration, id, tier);
            if (i >= UPDATES_WARM_UP) {
                updates.add(update);
            }
            if (System.nanoTime() - progressAt > TimeUnit.SECONDS.toNanos(5)) {
                progressAt = System.nanoTime();
                System.out.printf("policy updates: %d of %d, the last's webhooks after %d, %d, %d ms%n", i + 1,
                        UPDATES_WARM_UP + UPDATES, update.millisTo(update.policy), update.millisTo(update.status),
                        update.millisTo(update.score));
            }
        }

        String cpuShares = cpu.stop();
        int policyEventBytes = caughtUp(policyEvents).stream().filter(r -> r.key().equals(updates.getFirst().id))
                .mapToInt(SystemBenchIT::recordBytes).findFirst().orElseThrow();
        Latencies raw = RawRates.brokerEndToEnd(TestInfrastructure.kafkaBootstrapServers(),
                "bench.raw-latency." + run, policyEventBytes, UPDATES_WARM_UP, UPDATES);
        double rawP99 = raw.percentileMillis(99);
        System.out.printf("raw broker end to end: p50 %.1f ms, p99 %.1f ms%n", raw.percentileMillis(50), rawP99);

        Map<String, Stages> stages = stages(subscription, updates);
        Latencies policy = new Latencies();
        Latencies score = new Latencies();
        updates.forEach(update -> {
            policy.add(TimeUnit.MILLISECONDS.toNanos(update.millisTo(update.policy)));
            score.add(TimeUnit.MILLISECONDS.toNanos(update.millisTo(update.score)));
        });
        String breakdownPolicy = Stages.describe(updates.stream().map(u -> stages.get(u.policy.eventId())).toList());
        String breakdownScore = Stages.describe(updates.stream().map(u -> stages.get(u.score.eventId())).toList());
        System.out.printf("policy alert: p50 %.0f ms, p99 %.0f ms (%s)%nscore alert: p50 %.0f ms, p99 %.0f ms (%s)%n",
                policy.percentileMillis(50), policy.percentileMillis(99), breakdownPolicy,
                score.percentileMillis(50), score.percentileMillis(99), breakdownScore);

        String settings = String.format("%d policy updates one after another (each a Green List tier 1 <-> 2 of one "
                + "of %d watched occupations), from its recordedAt to the webhook at a receiver in the test JVM; raw: %d "
                + "records of the policy event's size, one at a time, producer and consumer set as the services' "
                + "(p99 %.1f ms), relay polling every %d ms; while updating, %s", UPDATES, WATCHED, UPDATES, rawP99,
                RELAY_POLL.toMillis(), cpuShares);
        String policyHops = "3 hops: immigration's outbox relay -> broker -> notification's consumer, the fan-out, "
                + "the dispatcher -> POST (each step woken by the commit before it)";
        String scoreHops = "4 hops: immigration's relay -> broker -> scoring, scoring's relay -> broker -> "
                + "notification's consumer, the fan-out, the dispatcher -> POST";
        latencyFigures("policy update -> its POLICY webhook", policy, 3, rawP99,
                settings + "; " + policyHops + "; median stages: " + breakdownPolicy);
        latencyFigures("policy update -> the SCORE webhook it causes", score, 4, rawP99,
                settings + "; " + scoreHops + "; median stages: " + breakdownScore);
    }

    /** p50 and p99 against hops x (the broker's own p99 + the relay's polling interval), within 50 ms a hop. */
    private void latencyFigures(String name, Latencies latencies, int hops, double rawP99, String note) {
        double baseline = hops * (rawP99 + RELAY_POLL.toMillis());
        Goal goal = Goal.valueAtMost(baseline + hops * ALLOWED_PER_HOP_MS);
        String baselineName = hops + " x (raw broker end-to-end p99 + relay polling interval)";
        figures.add(Figure.time(name + ", p50", latencies.percentileMillis(50), "ms", baselineName, baseline, goal,
                note));
        figures.add(Figure.time(name + ", p99", latencies.percentileMillis(99), "ms", baselineName, baseline, goal,
                "the same updates as the p50's"));
    }

    /**
     * One policy update, accepted when the immigration service recorded it (its {@code recordedAt}: the client's own
     * clock would add the time its answer took to reach a busy test JVM), and the three webhooks it causes.
     */
    private static final class Update {
        final String id;
        final long acceptedMillis;
        Webhook policy;
        Webhook status;
        Webhook score;

        Update(String id, long acceptedMillis) {
            this.id = id;
            this.acceptedMillis = acceptedMillis;
        }

        long millisTo(Webhook webhook) {
            return webhook.receivedMillis() - acceptedMillis;
        }

        boolean complete() {
            return policy != null && status != null && score != null;
        }
    }

    /** Records the update (201), then waits for its POLICY, IMMIGRATION_STATUS and SCORE webhooks. */
    private Update policyUpdate(URI immigration, String occupationId, String tier) throws Exception {
        HttpResponse<String> recorded = api.send("POST", immigration + "/api/immigration/policy-updates",
                body(Map.of("country", "NZ", "source", "System benchmark",
                        "changes", List.of(Map.of("kind", "GREEN_LIST_TIER", "codeSystem", "ANZSCO",
                                "code", occupationId.substring("anzsco-".length()), "value", tier)))),
                "application/json", launcher.adminToken());
        assertEquals(201, recorded.statusCode(), recorded.body());
        JsonNode accepted = json.readTree(recorded.body());
        Update update = new Update(accepted.path("id").asText(),
                Instant.parse(accepted.path("recordedAt").asText()).toEpochMilli());
        while (!update.complete()) {
            Webhook webhook = webhooks.poll(EVENTUALLY.toSeconds(), TimeUnit.SECONDS);
            assertTrue(webhook != null, "the webhooks of policy update " + update.id + " came");
            if (!webhook.occupationId().equals(occupationId)) {
                continue;
            }
            if (webhook.eventType().equals(EventType.POLICY_UPDATED.type())
                    && update.id.equals(webhook.change().path("policyUpdateId").asText())) {
                update.policy = webhook;
            } else if (webhook.eventType().equals(EventType.IMMIGRATION_STATUS_CHANGED.type())
                    && update.id.equals(webhook.change().path("policyUpdateId").asText())) {
                update.status = webhook;
            } else if (webhook.eventType().equals(EventType.SCORE_CHANGED.type())) {
                update.score = webhook;
            }
        }
        assertEquals(update.status.eventId(), update.score.change().path("causeEventId").asText(),
                "the score webhook tells the status change's score");
        return update;
    }

    /**
     * Where each alert's time went: the broker's timestamp of the event notified (its relay published it), when the
     * notification service recorded the notice (its consumer), wrote the subscriber's notification (the fan-out) and
     * the webhook came. For a score alert the first stage runs through scoring.
     */
    private record Stages(long toBroker, long toNotice, long toNotification, long toWebhook) {

        static String describe(List<Stages> all) {
            return String.format("to the broker %.0f ms, to the notice %.0f ms, fan-out %.0f ms, dispatch and POST "
                    + "%.0f ms", Medians.of(all, Stages::toBroker), Medians.of(all, Stages::toNotice),
                    Medians.of(all, Stages::toNotification), Medians.of(all, Stages::toWebhook));
        }
    }

    private Map<String, Stages> stages(String subscription, List<Update> updates) throws Exception {
        Map<String, Long> brokerTimes = new HashMap<>();
        for (TopicProbe probe : List.of(policyEvents, scoreEvents)) {
            for (ConsumerRecord<String, byte[]> record : caughtUp(probe)) {
                brokerTimes.put(TopicProbe.header(record, "ce_id"), record.timestamp());
            }
        }
        Map<String, long[]> notified = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl("notification"),
                TestInfrastructure.dbUsername(), TestInfrastructure.dbPassword());
             PreparedStatement query = connection.prepareStatement("SELECT c.event_id, c.recorded_at, n.created_at "
                     + "FROM notification n JOIN notice c ON c.id = n.notice_id WHERE n.subscription_id = ?")) {
            query.setString(1, subscription);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    notified.put(rows.getString(1), new long[] {utcMillis(rows, 2), utcMillis(rows, 3)});
                }
            }
        }
        Map<String, Stages> stages = new HashMap<>();
        for (Update update : updates) {
            for (Webhook webhook : List.of(update.policy, update.score)) {
                long broker = brokerTimes.get(webhook.eventId());
                long[] times = notified.get(webhook.eventId());
                stages.put(webhook.eventId(), new Stages(broker - update.acceptedMillis, times[0] - broker,
                        times[1] - times[0], webhook.receivedMillis() - times[1]));
            }
        }
        return stages;
    }

    /** A DATETIME(3) the services wrote in UTC. */
    private static long utcMillis(ResultSet row, int column) throws Exception {
        return row.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    // ---- the system -----------------------------------------------------------------------------------------------

    /** New ANZSCO occupations (skill level 4, NZD pay), each scored before this returns. */
    private List<String> createOccupations(String title, int count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String code = String.valueOf(nextCode++);
            HttpResponse<String> created = api.send("POST", "/api/occupations", body(page(code, title, 70_000)),
                    "application/json", launcher.adminToken());
            assertEquals(201, created.statusCode(), created.body());
            ids.add("anzsco-" + code);
        }
        URI scoring = service(Service.SCORING);
        for (String id : ids) {
            await().atMost(EVENTUALLY).until(() -> api.send("GET", scoring + "/api/scores/" + id, null, null, null)
                    .statusCode() == 200);
        }
        return ids;
    }

    /** An occupation as a client writes it (as WalkingSkeletonIT does). */
    private static Map<String, Object> page(String code, String titleEn, int midMin) {
        return Map.of("skillLevel", 4, "page", Map.of(
                "title", Map.of("zh", "基準測試", "en", titleEn), "codeSystem", "ANZSCO", "code", code,
                "salaryBands", List.of(
                        Map.of("level", "junior", "min", 40000, "max", 48000, "currency", "NZD"),
                        Map.of("level", "mid", "min", midMin, "max", midMin + 14000, "currency", "NZD"),
                        Map.of("level", "senior", "min", 110000, "max", 130000, "currency", "NZD"))));
    }

    /** Waits until no new event has come on any topic the pipeline writes for three seconds. */
    private void quiet() {
        AtomicReference<List<Integer>> seen = new AtomicReference<>();
        await().atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(3)).until(() -> {
            List<Integer> now = List.of(caughtUp(occupationEvents).size(), caughtUp(statusEvents).size(),
                    caughtUp(policyEvents).size(), caughtUp(scoreEvents).size());
            return now.equals(seen.getAndSet(now));
        });
    }

    /** Everything the probe can read now: one poll reads at most a few hundred records. */
    private static List<ConsumerRecord<String, byte[]>> caughtUp(TopicProbe probe) {
        List<ConsumerRecord<String, byte[]>> records = probe.records();
        for (int before = -1; before != records.size(); records = probe.records()) {
            before = records.size();
        }
        return records;
    }

    /** The size of a record as the broker stores it: key, value and headers. */
    private static int recordBytes(ConsumerRecord<String, byte[]> record) {
        int bytes = record.key().length() + record.value().length;
        for (Header header : record.headers()) {
            bytes += header.key().length() + header.value().length;
        }
        return bytes;
    }

    /** The database server's own counters of work done, for all the services' schemas together. */
    private Map<String, Long> databaseCounters() throws Exception {
        Map<String, Long> counters = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl("raw"), TestInfrastructure.dbUsername(),
                TestInfrastructure.dbPassword()); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN "
                     + "('Com_commit', 'Handler_write', 'Handler_update', 'Handler_delete')")) {
            while (rows.next()) {
                counters.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counters;
    }

    private static Map<String, Long> difference(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> difference = new HashMap<>();
        after.forEach((name, value) -> difference.put(name, value - before.getOrDefault(name, 0L)));
        return difference;
    }

    private static double perEdit(Map<String, Long> counters, long edits, String... names) {
        long sum = 0;
        for (String name : names) {
            sum += counters.getOrDefault(name, 0L);
        }
        return sum / (double) Math.max(1, edits);
    }

    private String jdbcUrl(String database) {
        return TestInfrastructure.jdbcUrl("sysbench_" + run + "_" + database);
    }

    private URI service(Service service) {
        return URI.create("http://localhost:" + ports.get(service));
    }

    private byte[] body(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String loadNote() {
        return String.format("%d connections, closed loop, %d s warm-up and %d s measured a run, %d round(s) "
                        + "alternating with the baseline, medians (ratio: the median of the rounds' ratios)",
                CONNECTIONS, WARM_UP.toSeconds(), MEASURED.toSeconds(), ROUNDS);
    }

    private static void assertWorked(HttpLoad.Result result) {
        assertTrue(result.requests() > 0 && result.failures() == 0, "every request answered: " + result);
    }

    private static void closeQuietly(AutoCloseable open) {
        try {
            if (open != null) {
                open.close();
            }
        } catch (Exception e) {
            System.out.println("Could not close " + open + ": " + e);
        }
    }

    /** A figure measured in rounds alternating with its baseline: medians of the values and of the ratios. */
    private static final class Rounds {
        private final List<Double> values = new ArrayList<>();
        private final List<Double> baselines = new ArrayList<>();
        private final List<Double> ratios = new ArrayList<>();
        /** Where the CPU went in the last round's figure run. */
        String cpu = "";

        void add(double value, double baseline) {
            values.add(value);
            baselines.add(baseline);
            ratios.add(value / baseline);
        }

        Figure rateFigure(String name, String unit, String baseline, Goal goal, String note) {
            return new Figure(name, Medians.of(values), unit, baseline, Medians.of(baselines), unit,
                    Medians.of(ratios), goal, note + "; the last round's figure run: " + cpu);
        }
    }
}

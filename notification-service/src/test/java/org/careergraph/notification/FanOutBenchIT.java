package org.careergraph.notification;

import org.careergraph.testsupport.TestOccupations;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.careergraph.events.EventType;
import org.careergraph.testsupport.TestEvents;
import org.careergraph.testsupport.TestInfrastructure;
import org.careergraph.testsupport.bench.BenchForm;
import org.careergraph.testsupport.bench.BenchReport;
import org.careergraph.testsupport.bench.Figure;
import org.careergraph.testsupport.bench.Goal;
import org.careergraph.testsupport.bench.StatementCount;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Benchmark: one change watched by many webhook subscribers, each with its own URL on a local receiver (the JDK's
 * HTTP server on 127.0.0.1, answering 204), through the real path: the event on Kafka, the consumer's notice, the
 * background fan-out, the dispatcher's signed POSTs. Its baseline, measured in the same run: the raw rate at which this
 * JVM POSTs to the same receiver with the dispatcher's HTTP client kind and concurrency, each POST a signed delivery's
 * body and headers. Then one URL receiving many deliveries (the per-endpoint limit) against raw POSTs at that limit,
 * and a million subscribers: the fan-out's and the delivery's time and the heap they take. Subscriptions are inserted
 * straight into the database (their creation, with its verification handshake, is not what is measured).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FanOutBenchIT implements TestPropertyProvider {

    private static final BenchForm FORM = BenchForm.current();
    private static final int WARM_UP_SUBSCRIBERS = FORM.pick(50, 20_000);
    private static final int SUBSCRIBERS = FORM.pick(200, 100_000);
    private static final int ROUNDS = FORM.pick(1, 3);
    private static final int ONE_URL_SUBSCRIBERS = FORM.pick(50, 2_000);
    private static final int MILLION = FORM.pick(400, 1_000_000);
    /** Before the first raw run: on two busy cores the JIT needs 20-30 s of POSTs before their cost settles. */
    private static final Duration JIT_WARM_UP = FORM.pick(Duration.ofMillis(200), Duration.ofSeconds(25));
    private static final Duration RAW_WARM_UP = FORM.pick(Duration.ofMillis(500), Duration.ofSeconds(3));
    private static final Duration RAW_MEASURED = FORM.pick(Duration.ofSeconds(2), Duration.ofSeconds(5));
    private static final Duration PATIENCE = FORM.pick(Duration.ofMinutes(1), Duration.ofMinutes(30));
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);
    private static final int ROWS_PER_INSERT = 1_000;
    private static final long ID_LOW_BITS = 0x8000_0000_0000_0000L | 0x0c4e_e9a0_5eedL;
    private static final double MB = 1024 * 1024;

    @Inject
    JdbcOperations jdbc;

    @Value("${careergraph.notification.delivery.concurrency}")
    int concurrency;

    @Value("${careergraph.notification.delivery.per-endpoint-concurrency}")
    int perEndpoint;

    private final TestEvents events = TestEvents.connect(TestInfrastructure.kafkaBootstrapServers());
    private final Receiver receiver = new Receiver();
    private final HeapWatch heap = new HeapWatch();
    private final CpuMeter cpu = new CpuMeter();
    private final long idBase = System.currentTimeMillis() << 20;
    private final AtomicLong idsIssued = new AtomicLong();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(TestInfrastructure.serviceProperties("notification_bench"));
        props.put("careergraph.notification.webhook.allowed-hosts", "127.0.0.1");
        return props;
    }

    @AfterAll
    void close() {
        events.close();
        receiver.close();
        heap.close();
    }

    @Test
    void oneChangeReachesEveryWebhookSubscriberAtAFractionOfTheRawPostRate() {
        System.out.printf("%nFan-out benchmark, %s form: %,d subscribers x %d rounds, %,d on one URL, %,d; "
                + "dispatcher concurrency %d (%d per URL); max heap %,.0f MB%n", FORM.name().toLowerCase(Locale.ROOT),
                SUBSCRIBERS, ROUNDS, ONE_URL_SUBSCRIBERS, MILLION, concurrency, perEndpoint,
                Runtime.getRuntime().maxMemory() / MB);

        // Warm-up rounds of both, not counted: the JIT, the connection pools.
        deliver("warm-up", subscribe(WARM_UP_SUBSCRIBERS, Urls.EACH_ITS_OWN));
        RawPosts raw = new RawPosts(receiver.sample());
        raw.run(concurrency, Urls.EACH_ITS_OWN, JIT_WARM_UP);
        // Each round between two raw runs: its baseline is their mean.
        List<RawPosts.Run> rawRuns = new ArrayList<>(List.of(raw.run(concurrency, Urls.EACH_ITS_OWN, RAW_WARM_UP)));
        Watched many = subscribe(SUBSCRIBERS, Urls.EACH_ITS_OWN);
        List<Round> rounds = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            rounds.add(deliver("round " + round + " of " + ROUNDS, many));
            rawRuns.add(raw.run(concurrency, Urls.EACH_ITS_OWN, RAW_WARM_UP));
        }

        Watched oneUrl = subscribe(ONE_URL_SUBSCRIBERS, Urls.ONE_FOR_ALL);
        RawPosts.Run rawOneUrlBefore = raw.run(perEndpoint, Urls.ONE_FOR_ALL, RAW_WARM_UP);
        Round oneUrlRound = deliver("one URL", oneUrl);
        double rawOneUrl = (rawOneUrlBefore.rate() + raw.run(perEndpoint, Urls.ONE_FOR_ALL, RAW_WARM_UP).rate()) / 2;

        Round million = deliver(String.format("%,d subscribers", MILLION), subscribe(MILLION, Urls.EACH_ITS_OWN));

        List<Figure> figures = figures(rounds, rawRuns, oneUrlRound, rawOneUrl, million, raw.bodyBytes());
        BenchReport.write("notification-fan-out", String.format("One change to %,d webhook subscribers (each its own "
                + "URL on a local receiver), event on Kafka -> consumer -> fan-out -> dispatcher -> POST; %,d "
                + "deliveries to one URL; %,d subscribers", SUBSCRIBERS, ONE_URL_SUBSCRIBERS, MILLION), figures);
        figures.forEach(f -> assertTrue(f.finite(), "every figure is a number: " + f));
    }

    private List<Figure> figures(List<Round> rounds, List<RawPosts.Run> rawRuns, Round oneUrl, double rawOneUrl,
                                 Round million, int bodyBytes) {
        // Each round beside the mean of the raw runs just before and just after it; the median round.
        List<Integer> order = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < rounds.size(); i++) {
            order.add(i);
            ratios.add(rounds.get(i).rate() / ((rawRuns.get(i).rate() + rawRuns.get(i + 1).rate()) / 2));
        }
        order.sort(Comparator.comparing(ratios::get));
        int median = order.get(order.size() / 2);
        Round round = rounds.get(median);
        double rawRate = (rawRuns.get(median).rate() + rawRuns.get(median + 1).rate()) / 2;
        double rawCpu = (rawRuns.get(median).cpuMicrosPerPost() + rawRuns.get(median + 1).cpuMicrosPerPost()) / 2;
        String rawSettings = String.format("JDK HttpClient (HTTP/1.1, as the dispatcher's), %d at once on virtual "
                + "threads, %d-byte signed delivery body", concurrency, bodyBytes);
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.rate(String.format("deliveries/s, %,d subscribers each on its own URL", SUBSCRIBERS),
                round.rate(), "deliveries/s", "raw POSTs/s to the same receiver, same JVM: " + rawSettings, rawRate,
                Goal.ratioAtLeast(0.3), String.format(Locale.ROOT, "event published -> last POST received, median "
                        + "of %d rounds (ratios %s; raw rates %s /s); %s. CPU a raw POST %,.0f us (the receiver's "
                        + "included), a delivery %,.0f us (JVM and database): %.2f by CPU", rounds.size(), ratios.stream().map(r -> String.format(Locale.ROOT, "%.2f", r))
                        .collect(Collectors.joining(", ")), rawRuns.stream()
                        .map(r -> String.format(Locale.ROOT, "%.0f", r.rate())).collect(Collectors.joining(", ")),
                        round.breakdown(), rawCpu, round.cpu().micros(round.subscribers()),
                        rawCpu / round.cpu().micros(round.subscribers()))));
        // 2,000 deliveries take about as long as the steps before the first one: counted from the first POST on.
        figures.add(Figure.rate(String.format("deliveries/s, %,d subscribers on one URL, from the first POST on",
                oneUrl.subscribers()), oneUrl.deliveryRate(), "deliveries/s", String.format("raw POSTs/s to one URL, "
                + "%d at once (the per-URL limit)", perEndpoint), rawOneUrl, null, oneUrl.breakdown()));
        figures.add(Figure.time(String.format("%,d subscribers: event published -> last POST received",
                million.subscribers()), million.lastDeliverySeconds(), "s",
                String.format("as many raw POSTs at the raw rate (%,.0f/s)", rawRate),
                million.subscribers() / rawRate, null, million.breakdown()));
        double scale = (double) million.subscribers() / round.subscribers();
        figures.add(Figure.time(String.format("%,d subscribers: fan-out (every notification written)",
                million.subscribers()), million.fannedOutSeconds(), "s", String.format(Locale.ROOT,
                "%.3g x the %,d round's fan-out (%.2f s): 1.0 is linear", scale, round.subscribers(),
                round.fannedOutSeconds()),
                scale * round.fannedOutSeconds(), null, ""));
        figures.add(new Figure(String.format("%,d subscribers: peak heap used", million.subscribers()),
                million.heap().peakUsedMb(), "MB", String.format("the same for %,d subscribers", round.subscribers()),
                round.heap().peakUsedMb(), "MB", round.heap().peakUsedMb() / million.heap().peakUsedMb(), null,
                String.format("the whole test JVM (service, in-JVM broker, receiver): most after a collection %,.0f "
                        + "MB (%,.0f MB with %,d subscribers), max heap %,.0f MB", million.heap().mostAfterGcMb(),
                        round.heap().mostAfterGcMb(), round.subscribers(), Runtime.getRuntime().maxMemory() / MB)));
        return figures;
    }

    /** An occupation (its code) and how many subscribers watch it. */
    private record Watched(String code, int subscribers) {
    }

    /** Where the webhooks point: each subscription (or raw POST) its own URL on the receiver, or one URL for all. */
    private enum Urls { EACH_ITS_OWN, ONE_FOR_ALL }

    /** A fresh occupation, watched by this many webhook subscriptions, inserted straight into the database. */
    private Watched subscribe(int subscribers, Urls urls) {
        String code = TestOccupations.uniqueCode();
        OccupationEvents occupations = new OccupationEvents(events, jdbc);
        String occupationId = occupations.announce(code);
        // Its own notice must be fanned out first: the subscriptions are older than it (they hear of the next one).
        await().atMost(PATIENCE).until(() -> count("SELECT COUNT(*) FROM notice WHERE occupation_id = ? "
                + "AND fan_out_due IS NOT NULL", occupationId) == 0);
        long start = System.nanoTime();
        Timestamp created = Timestamp.from(Instant.now().minusSeconds(60));
        String shared = receiver.url(UUID.randomUUID().toString());
        for (int from = 0; from < subscribers; from += ROWS_PER_INSERT) {
            int rows = Math.min(ROWS_PER_INSERT, subscribers - from);
            List<String> ids = new ArrayList<>(rows);
            for (int i = 0; i < rows; i++) {
                ids.add(nextSubscriptionId());
            }
            insert("INSERT INTO subscription (id, channel, webhook_url, webhook_endpoint, status, kinds, "
                    + "any_green_list, manage_token_hash, signing_secret, created_at) VALUES ", ids,
                    "(?, 'WEBHOOK', ?, ?, 'ACTIVE', 63, FALSE, ?, ?, ?)", (statement, p, id) -> {
                        String url = urls == Urls.ONE_FOR_ALL ? shared : receiver.url(id);
                        statement.setString(p, id);
                        statement.setString(p + 1, url);
                        statement.setString(p + 2, url);
                        statement.setBytes(p + 3, new byte[32]);
                        statement.setString(p + 4, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
                        statement.setTimestamp(p + 5, created);
                        return 6;
                    });
            insert("INSERT INTO subscription_occupation (subscription_id, occupation_id) VALUES ", ids, "(?, ?)",
                    (statement, p, id) -> {
                        statement.setString(p, id);
                        statement.setString(p + 1, occupationId);
                        return 2;
                    });
            if ((from / ROWS_PER_INSERT + 1) % 100 == 0) {
                progress("subscriptions", from + rows, subscribers, start);
            }
        }
        System.out.printf("%,d subscriptions inserted in %.1f s%n", subscribers, seconds(System.nanoTime() - start));
        return new Watched(code, subscribers);
    }

    /**
     * UUIDs in ascending order, as a database fills with subscriptions over time: a million random ones would cost
     * the inserts a random page of the primary key each, which is not what this benchmark measures.
     */
    private String nextSubscriptionId() {
        return new UUID(idBase + idsIssued.incrementAndGet(), ID_LOW_BITS).toString();
    }

    @FunctionalInterface
    private interface RowBinder {
        /** Binds one row from parameter {@code p} on; returns how many parameters it bound. */
        int bind(PreparedStatement statement, int p, String id) throws SQLException;
    }

    private void insert(String into, List<String> ids, String row, RowBinder binder) {
        jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    into + String.join(", ", Collections.nCopies(ids.size(), row)))) {
                int p = 1;
                for (String id : ids) {
                    p += binder.bind(statement, p, id);
                }
                return statement.executeUpdate();
            }
        });
    }

    /**
     * What one change to the watched occupation took, from publishing its event.
     *
     * @param subscribers          POSTs received (each subscriber's one delivery)
     * @param consumedSeconds      until the consumer had stored the notice
     * @param fannedOutSeconds     until every notification was written
     * @param firstDeliverySeconds until the first POST arrived
     * @param lastDeliverySeconds  until the last POST arrived
     * @param statementsPerSubscriber the database's statements (this benchmark's polling included) per subscriber
     * @param mostAtOnce           the most POSTs the receiver had at once
     * @param mostAtOnceToOneUrl   the most POSTs to one URL at once
     * @param heap                 the heap's peaks meanwhile
     * @param cpu                  the CPU time this JVM and the database used meanwhile
     * @param cpuAfterFanOut       the part of it used once every notification was written (deliveries only)
     * @param deliveredAfterFanOut the deliveries made in that part
     */
    private record Round(int subscribers, double consumedSeconds, double fannedOutSeconds,
                         double firstDeliverySeconds, double lastDeliverySeconds, double statementsPerSubscriber,
                         int mostAtOnce, int mostAtOnceToOneUrl, HeapWatch.Peaks heap, CpuMeter.Used cpu,
                         CpuMeter.Used cpuAfterFanOut, long deliveredAfterFanOut) {

        double rate() {
            return subscribers / lastDeliverySeconds;
        }

        /** Deliveries a second from the first POST to the last. */
        double deliveryRate() {
            return (subscribers - 1) / (lastDeliverySeconds - firstDeliverySeconds);
        }

        String breakdown() {
            return String.format(Locale.ROOT, "from the event: notice stored %.2f s, first POST %.2f s, every "
                    + "notification written %.1f s, last POST %.1f s (%,.0f/s from the first POST on); %.2f database "
                    + "statements a subscriber; at most %d POSTs at once (%d to one URL); CPU a delivery: %s, of "
                    + "which once every notification was written (%,d deliveries): %s; peak heap %,.0f MB",
                    consumedSeconds, firstDeliverySeconds, fannedOutSeconds, lastDeliverySeconds,
                    deliveryRate(), statementsPerSubscriber,
                    mostAtOnce, mostAtOnceToOneUrl, cpu.per(subscribers), deliveredAfterFanOut,
                    cpuAfterFanOut.per(deliveredAfterFanOut), heap.peakUsedMb());
        }
    }

    /** Publishes a change to the watched occupation and waits until every subscriber has it, delivered. */
    private Round deliver(String title, Watched watched) {
        System.out.printf("%n== %s: one change, %,d subscribers%n", title, watched.subscribers());
        receiver.reset();
        heap.reset();
        long statementsBefore = statements();
        CpuMeter.Reading cpuBefore = cpu.read();
        long published = System.nanoTime();
        String eventId = events.publish(EventType.IMMIGRATION_STATUS_CHANGED, TestOccupations.id(watched.code()),
                TestOccupations.fixture(EventType.IMMIGRATION_STATUS_CHANGED, watched.code()));
        awaitWithProgress(() -> count("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", eventId) == 1,
                watched.subscribers(), published);
        long consumed = System.nanoTime();
        awaitWithProgress(() -> count("SELECT COUNT(*) FROM notice WHERE event_id = ? AND fan_out_due IS NULL",
                eventId) == 1, watched.subscribers(), published);
        long fannedOut = System.nanoTime();
        CpuMeter.Reading cpuFannedOut = cpu.read();
        long deliveredBeforeFanOutEnd = receiver.requests();
        awaitWithProgress(() -> receiver.requests() >= watched.subscribers(), watched.subscribers(), published);
        CpuMeter.Reading cpuDelivered = cpu.read();
        long statements = statements() - statementsBefore;
        HeapWatch.Peaks peaks = heap.peaks();
        // Polled every second: with a million notifications each count is a scan that would slow the recording.
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> count("SELECT COUNT(*) "
                + "FROM notification n JOIN notice c "
                + "ON c.id = n.notice_id WHERE c.event_id = ? AND n.status = 'DELIVERED'", eventId)
                == watched.subscribers());
        assertEquals(watched.subscribers(), receiver.requests(), "each subscriber's delivery once");
        Round round = new Round(watched.subscribers(), seconds(consumed - published), seconds(fannedOut - published),
                seconds(receiver.firstAt() - published), seconds(receiver.lastAt() - published),
                (double) statements / watched.subscribers(), receiver.mostAtOnce(), receiver.mostAtOnceToOneUrl(),
                peaks, cpuDelivered.since(cpuBefore), cpuDelivered.since(cpuFannedOut),
                watched.subscribers() - deliveredBeforeFanOutEnd);
        System.out.printf("%,.0f deliveries/s: %s%n", round.rate(), round.breakdown());
        return round;
    }

    /** Waits for the condition, printing the deliveries so far every few seconds. */
    private void awaitWithProgress(BooleanSupplier condition, int subscribers, long since) {
        AtomicLong printed = new AtomicLong(System.nanoTime());
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> {
            heap.sample();
            if (System.nanoTime() - printed.get() >= PROGRESS_EVERY.toNanos()) {
                printed.set(System.nanoTime());
                progress("delivered", receiver.requests(), subscribers, since);
            }
            return condition.getAsBoolean();
        });
    }

    private static void progress(String what, long done, long total, long since) {
        double elapsed = seconds(System.nanoTime() - since);
        double rate = done / elapsed;
        System.out.printf("  %5.1f s: %,d of %,d %s (%,.0f/s)%s%n", elapsed, done, total, what, rate,
                done == 0 ? "" : String.format(", about %.0f s left", (total - done) / rate));
    }

    private long count(String sql, Object... args) {
        return TestDatabase.count(jdbc, sql, args);
    }

    /** Statements the database has run (every client's). */
    private long statements() {
        return jdbc.execute(StatementCount::soFar);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** A delivery as the receiver got it: what the raw POSTs send again. */
    private record SignedRequest(byte[] body, Map<String, String> headers) {
    }

    /**
     * The subscribers' endpoint: answers 204 to every POST, counting them, when the first and the last came, and the
     * most at once in all and to one URL; keeps the first delivery it gets as the raw POSTs' sample.
     */
    private static final class Receiver implements AutoCloseable {

        private static final Set<String> KEPT_HEADERS = Set.of("content-type", "user-agent", "webhook-id",
                "webhook-timestamp", "webhook-signature");

        private final LongAdder requests = new LongAdder();
        private final AtomicLong firstAt = new AtomicLong();
        private volatile long lastAt;
        private final AtomicInteger atOnce = new AtomicInteger();
        private final AtomicInteger mostAtOnce = new AtomicInteger();
        private final AtomicInteger mostToOneUrl = new AtomicInteger();
        private final Map<String, Integer> atOnceByUrl = new ConcurrentHashMap<>();
        private final AtomicReference<SignedRequest> sample = new AtomicReference<>();
        private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        private final HttpServer server;

        Receiver() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                mostAtOnce.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
                mostToOneUrl.accumulateAndGet(atOnceByUrl.merge(path, 1, Integer::sum), Math::max);
                try (exchange; InputStream in = exchange.getRequestBody()) {
                    byte[] body = in.readAllBytes();
                    if (sample.get() == null) {
                        Map<String, String> headers = new LinkedHashMap<>();
                        exchange.getRequestHeaders().forEach((name, values) -> {
                            if (KEPT_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                                headers.put(name, values.getFirst());
                            }
                        });
                        sample.compareAndSet(null, new SignedRequest(body, headers));
                    }
                    long now = System.nanoTime();
                    firstAt.compareAndSet(0, now);
                    lastAt = now;
                    requests.increment();
                    // Counted out before answering: the sender may start its next request once it has the answer.
                    atOnceByUrl.computeIfPresent(path, (p, n) -> n == 1 ? null : n - 1);
                    atOnce.decrementAndGet();
                    exchange.sendResponseHeaders(204, -1);
                }
            });
            server.setExecutor(executor);
            server.start();
        }

        URI base() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        String url(String name) {
            return base() + "/hook/" + name;
        }

        SignedRequest sample() {
            return sample.get();
        }

        long requests() {
            return requests.sum();
        }

        long firstAt() {
            return firstAt.get();
        }

        long lastAt() {
            return lastAt;
        }

        int mostAtOnce() {
            return mostAtOnce.get();
        }

        int mostAtOnceToOneUrl() {
            return mostToOneUrl.get();
        }

        void reset() {
            requests.reset();
            firstAt.set(0);
            lastAt = 0;
            mostAtOnce.set(0);
            mostToOneUrl.set(0);
        }

        @Override
        public void close() {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    /**
     * The baseline: this JVM POSTing to the receiver as fast as it can, with the dispatcher's HTTP client kind (one
     * java.net.http client, HTTP/1.1, no redirects) and a given concurrency (each sender a virtual thread, as the
     * dispatcher's are), each POST the sample delivery's body and signature headers. Closed loop: each sender sends
     * its next POST when it has the answer to the last; counted over a measured period after a warm-up.
     */
    private final class RawPosts {

        private final SignedRequest sample;

        RawPosts(SignedRequest sample) {
            this.sample = sample;
        }

        int bodyBytes() {
            return sample.body().length;
        }

        /** One run's POSTs a second, and the CPU time (this JVM's and the database's) each took. */
        record Run(double rate, double cpuMicrosPerPost) {
        }

        /** POSTs for {@code warmUp}, not counted, then for {@code RAW_MEASURED}, counted. */
        Run run(int senders, Urls urls, Duration warmUp) {
            LongFunction<URI> target = urls == Urls.ONE_FOR_ALL ? n -> URI.create(receiver.url("raw"))
                    : n -> URI.create(receiver.url("raw-" + n));
            long measureFrom = System.nanoTime() + warmUp.toNanos();
            long measureUntil = measureFrom + RAW_MEASURED.toNanos();
            LongAdder counted = new LongAdder();
            LongAdder failed = new LongAdder();
            AtomicReference<String> firstFailure = new AtomicReference<>("");
            CpuMeter.Reading cpuBefore = null;
            try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                    .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
                 ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int sender = 0; sender < senders; sender++) {
                    long first = sender;
                    threads.execute(() -> {
                        for (long n = first; System.nanoTime() < measureUntil; n += senders) {
                            long sentAt = System.nanoTime();
                            String failure = post(client, target.apply(n));
                            if (sentAt >= measureFrom && System.nanoTime() < measureUntil) {
                                (failure == null ? counted : failed).increment();
                                if (failure != null) {
                                    firstFailure.compareAndSet("", ": " + failure);
                                }
                            }
                        }
                    });
                }
                await().atMost(warmUp.plusSeconds(1)).until(() -> System.nanoTime() >= measureFrom);
                cpuBefore = cpu.read();
                await().atMost(RAW_MEASURED.plusSeconds(1)).until(() -> System.nanoTime() >= measureUntil);
            }
            CpuMeter.Used used = cpu.read().since(cpuBefore);
            double rate = counted.sum() / seconds(RAW_MEASURED.toNanos());
            System.out.printf("raw POSTs, %d at once%s: %,.0f/s (%,d failed%s); CPU a POST: %s%n", senders,
                    urls == Urls.ONE_FOR_ALL ? " to one URL" : "", rate, failed.sum(), firstFailure.get(),
                    used.per(counted.sum()));
            assertTrue(counted.sum() > 0, "the raw POSTs reached the receiver");
            return new Run(rate, used.micros(counted.sum()));
        }

        /** Null when the receiver took it, else what went wrong. */
        private String post(HttpClient client, URI uri) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(sample.body()));
            sample.headers().forEach(request::header);
            try {
                HttpResponse<InputStream> response = client.send(request.build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                response.body().close();
                return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
            } catch (IOException e) {
                return e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return e.toString();
            }
        }
    }

    /** The CPU time this JVM and the database server (when it is this JVM's child: the embedded one) have used. */
    private static final class CpuMeter {

        // Looked for at the first reading: the database starts with the application context, after this test's fields.
        private Optional<ProcessHandle> database;

        record Reading(long jvmNanos, long databaseNanos, long at) {

            Used since(Reading before) {
                return new Used(jvmNanos - before.jvmNanos, database(databaseNanos, before.databaseNanos),
                        at - before.at);
            }

            private static long database(long now, long before) {
                return now < 0 || before < 0 ? -1 : now - before;
            }
        }

        /** CPU used over a wall-clock time; the database's -1 when it is not ours to see. */
        record Used(long jvmNanos, long databaseNanos, long wallNanos) {

            /** Microseconds of CPU, this JVM's and the database's, a unit of work. */
            double micros(long units) {
                return (jvmNanos + Math.max(0, databaseNanos)) / 1e3 / units;
            }

            /** e.g. {@code JVM 310 us, database 120 us (1.6 of 2 cores busy)} */
            String per(long units) {
                return String.format(Locale.ROOT, "JVM %,.0f us, database %s (%.2f of %d cores busy)",
                        jvmNanos / 1e3 / units, databaseNanos < 0 ? "not measured" : String.format(Locale.ROOT,
                                "%,.0f us", databaseNanos / 1e3 / units),
                        (double) (jvmNanos + Math.max(0, databaseNanos)) / wallNanos,
                        Runtime.getRuntime().availableProcessors());
            }
        }

        Reading read() {
            long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            if (database == null) {
                database = ProcessHandle.current().descendants().filter(process -> process.info().command()
                        .filter(c -> c.contains("mariadbd") || c.contains("mysqld")).isPresent()).findFirst();
            }
            long db = database.flatMap(process -> process.info().totalCpuDuration()).map(Duration::toNanos)
                    .orElse(-1L);
            return new Reading(jvm, db, System.nanoTime());
        }
    }

    /**
     * The heap's peaks while a round runs, from every collection's notification (the heap used just before it: a
     * peak; just after it) and from samples between them.
     */
    private static final class HeapWatch implements NotificationListener, AutoCloseable {

        /** In MB: the most heap in use, and the most left in use after a collection. */
        record Peaks(double peakUsedMb, double mostAfterGcMb) {
        }

        private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(Collectors.toUnmodifiableSet());
        private final AtomicLong peakUsed = new AtomicLong();
        private final AtomicLong mostAfterGc = new AtomicLong();

        HeapWatch() {
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) collector).addNotificationListener(this, null, null);
            }
        }

        @Override
        public void handleNotification(Notification notification, Object handback) {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                var gc = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                        .getGcInfo();
                peakUsed.accumulateAndGet(heapUsed(gc.getMemoryUsageBeforeGc()), Math::max);
                mostAfterGc.accumulateAndGet(heapUsed(gc.getMemoryUsageAfterGc()), Math::max);
            }
        }

        private long heapUsed(Map<String, MemoryUsage> pools) {
            return pools.entrySet().stream().filter(pool -> heapPools.contains(pool.getKey()))
                    .mapToLong(pool -> pool.getValue().getUsed()).sum();
        }

        void sample() {
            peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        }

        void reset() {
            peakUsed.set(0);
            mostAfterGc.set(0);
        }

        Peaks peaks() {
            sample();
            return new Peaks(peakUsed.get() / MB, mostAfterGc.get() / MB);
        }

        @Override
        public void close() {
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                try {
                    ((NotificationEmitter) collector).removeNotificationListener(this);
                } catch (javax.management.ListenerNotFoundException e) {
                    // not listening there
                }
            }
        }
    }
}

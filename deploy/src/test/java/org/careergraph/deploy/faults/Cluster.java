package org.careergraph.deploy.faults;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.careergraph.deploy.local.Service;
import org.careergraph.deploy.local.Watchdog;
import org.careergraph.embedded.FreePorts;
import org.careergraph.security.AccessTokens;
import org.careergraph.security.Roles;

/**
 * The system as the fault-injection suite runs it: the broker and the database each in its own process, and each of
 * the four services as {@code replicas} JVMs sharing them, as a Deployment's pods would. Everything can be killed
 * with SIGKILL and started again on the same data and ports.
 */
final class Cluster implements AutoCloseable {

    static final List<Service> SERVICES = List.of(Service.CATALOG, Service.IMMIGRATION, Service.SCORING,
            Service.NOTIFICATION);
    private static final Duration READY = Duration.ofMinutes(4);

    private final Broker broker;
    private final Database database;
    private final Map<Service, List<Replica>> replicas = new LinkedHashMap<>();
    private final String secret = AccessTokens.newSecret();
    private final PrintStream out;
    /** Should this JVM die (a timed-out or killed test run), nothing it started keeps running. */
    private final Watchdog watchdog;

    /**
     * @param projectRoot  where the services' builds are
     * @param dir          the run's folder: data, logs
     */
    Cluster(Path projectRoot, Path dir, int replicasEach, PrintStream out) throws IOException {
        this.out = out;
        this.watchdog = Watchdog.start(Duration.ofSeconds(10), out);
        Path logs = Files.createDirectories(dir.resolve("logs"));
        broker = new Broker(dir.resolve("kafka"), FreePorts.pick(), logs);
        database = new Database(dir.resolve("mariadb"), projectRoot.resolve("deploy/target/faults-mariadb-binaries"),
                FreePorts.pick());
        for (Service service : SERVICES) {
            List<Replica> of = new ArrayList<>();
            for (int i = 1; i <= replicasEach; i++) {
                of.add(new Replica(service, i, FreePorts.pick(), projectRoot, environment(service),
                        logs));
            }
            replicas.put(service, of);
        }
    }

    private Map<String, String> environment(Service service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MICRONAUT_SERVER_HOST", "localhost");
        env.put("JWT_SECRET", secret);
        env.put("DB_URL", database.jdbcUrl(service.database()));
        env.put("DB_USERNAME", "root");
        env.put("DB_PASSWORD", "");
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("CATALOG_LOAD_SEEDS", "true");
        // The suite imports releases itself, as an admin does, where its form wants them.
        env.put("CATALOG_LOAD_RELEASES", "false");
        env.put("NOTIFICATION_WEBHOOK_ALLOWED_HOSTS", "localhost,127.0.0.1");
        // The workload subscribes and unsubscribes all along, from one client: far more than a person does.
        env.put("NOTIFICATION_SUBSCRIBE_BURST", "100000");
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", "9"); // no mail in this suite: webhooks only
        env.put("PUBLIC_URL", "http://localhost:8080");
        return env;
    }

    /** The database, the broker, then each service's first replica (they migrate and load), then the others. */
    void start() throws InterruptedException {
        database.start();
        for (Service service : SERVICES) {
            database.createDatabase(service.database());
        }
        broker.start();
        int most = replicas.values().stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < most; i++) {
            int index = i;
            List<Replica> wave = replicas.values().stream().filter(r -> r.size() > index).map(r -> r.get(index))
                    .toList();
            wave.forEach(Replica::start);
            awaitReady(wave);
        }
    }

    void awaitReady(List<Replica> which) {
        await().atMost(READY).pollInterval(Duration.ofMillis(500)).until(() -> which.stream().allMatch(Replica::ready));
    }

    /** Starts whatever is not running and waits until every replica is ready. */
    void heal() throws InterruptedException {
        if (!database.running()) {
            database.start();
        }
        if (!broker.running()) {
            broker.start();
        }
        List<Replica> all = all();
        all.stream().filter(r -> !r.alive()).forEach(Replica::start);
        awaitReady(all);
    }

    List<Replica> all() {
        return replicas.values().stream().flatMap(List::stream).toList();
    }

    List<Replica> replicas(Service service) {
        return replicas.get(service);
    }

    Broker broker() {
        return broker;
    }

    Database database() {
        return database;
    }

    String adminToken() {
        return AccessTokens.issue(secret, "fault-injection-suite", List.of(Roles.ADMIN), Duration.ofHours(12));
    }

    @Override
    public void close() {
        try {
            for (Replica replica : all()) {
                replica.stop();
            }
            broker.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            database.stop();
            watchdog.close();
        }
        out.println("[faults] stopped the cluster");
    }
}

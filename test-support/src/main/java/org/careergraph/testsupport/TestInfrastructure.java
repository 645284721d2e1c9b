package org.careergraph.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;

import org.careergraph.testsupport.TestDatabase.DbServer;

/**
 * A real Kafka broker and a real MySQL-compatible database for integration tests, started once per test JVM on first
 * use and stopped by a JVM shutdown hook: the one front door of the tests, over {@link TestKafka},
 * {@link TestDatabase}, {@link TestScratch} and {@link TestTokens}. Kafka and the database are chosen independently,
 * in this order:
 * <ol>
 *   <li>servers named in the environment: {@code TEST_KAFKA_BOOTSTRAP}; {@code TEST_DB_URL} (jdbc:mysql://host:port,
 *       no database), {@code TEST_DB_USERNAME} (default root), {@code TEST_DB_PASSWORD} (default empty);</li>
 *   <li>Testcontainers ({@code apache/kafka:4.1.0}, {@code mysql:8.4}) when a Docker engine answers;</li>
 *   <li>an in-process KRaft broker and MariaDB (module embedded-infra): data in {@code target/test-infra/jvm-PID/}
 *       (deleted at exit), MariaDB binaries in {@code target/test-infra/mariadb-binaries/} (kept, shared).</li>
 * </ol>
 */
public final class TestInfrastructure {

    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

    private TestInfrastructure() {
    }

    /** Bootstrap servers of the test broker (started on first call). */
    public static String kafkaBootstrapServers() {
        return TestKafka.bootstrapServers();
    }

    /** JDBC URL for Connector/J; the database is created if missing. */
    public static String jdbcUrl(String database) {
        return TestDatabase.jdbcUrl(database);
    }

    /** The test database server without a database ({@code jdbc:mysql://host:port}), for code that creates its own. */
    public static String dbBaseUrl() {
        return TestDatabase.server().baseUrl();
    }

    public static String dbUsername() {
        return TestDatabase.server().username();
    }

    public static String dbPassword() {
        return TestDatabase.server().password();
    }

    /**
     * Micronaut properties that point a service at this infrastructure, using a fresh database named
     * {@code prefix_<random 8 lowercase alnum>}. The map is mutable, to add test-specific properties.
     */
    public static Map<String, String> serviceProperties(String databasePrefix) {
        String databaseName = databasePrefix + "_" + random8();
        TestDatabase.checkName(databaseName);
        // Start the database in the background while Kafka starts here: saves seconds on a cold JVM.
        CompletableFuture<DbServer> db = CompletableFuture.supplyAsync(TestDatabase::server);
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
        props.put("careergraph.security.jwt-secret", jwtSecret());
        props.put("datasources.default.url", jdbcUrl(databaseName));
        props.put("datasources.default.username", dbUsername());
        props.put("datasources.default.password", dbPassword());
        props.put("datasources.default.driver-class-name", "com.mysql.cj.jdbc.Driver");
        props.put("datasources.default.dialect", "MYSQL");
        return props;
    }

    /** A bearer token with one role ({@code ADMIN}, {@code EDITOR}, …), signed with {@link #jwtSecret()}, valid an hour. */
    public static String token(String role) {
        return TestTokens.token(role);
    }

    /** The key every service under test verifies bearer tokens with (one per test JVM). */
    public static String jwtSecret() {
        return TestTokens.JWT_SECRET;
    }

    /** {@code prefix-<random 8 lowercase alnum>}, e.g. for occupation ids that must not clash between tests. */
    public static String uniqueId(String prefix) {
        return prefix + "-" + random8();
    }

    /** What runs where, for test logs; does not start anything. */
    public static String describe() {
        return "kafka=" + TestKafka.describe() + ", db=" + TestDatabase.describe();
    }

    private static String random8() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder s = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            s.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
        }
        return s.toString();
    }
}

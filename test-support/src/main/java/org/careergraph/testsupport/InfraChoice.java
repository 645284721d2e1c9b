package org.careergraph.testsupport;

import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.careergraph.embedded.MySqlServer;

/** Where the test servers come from, and the URL rules; pure functions so that they are unit-testable. */
final class InfraChoice {

    static final String KAFKA_ENV = "TEST_KAFKA_BOOTSTRAP";
    static final String DB_URL_ENV = "TEST_DB_URL";
    static final String DB_USERNAME_ENV = "TEST_DB_USERNAME";
    static final String DB_PASSWORD_ENV = "TEST_DB_PASSWORD";


    enum Source { ENVIRONMENT, TESTCONTAINERS, EMBEDDED }

    private InfraChoice() {
    }

    static Source kafkaSource(Function<String, String> env, BooleanSupplier dockerAvailable) {
        return choose(env.apply(KAFKA_ENV), dockerAvailable);
    }

    static Source databaseSource(Function<String, String> env, BooleanSupplier dockerAvailable) {
        return choose(env.apply(DB_URL_ENV), dockerAvailable);
    }

    /** Docker is only asked when no server is named: its probe takes a moment and logs an error without a daemon. */
    private static Source choose(String named, BooleanSupplier dockerAvailable) {
        if (!isBlank(named)) {
            return Source.ENVIRONMENT;
        }
        return dockerAvailable.getAsBoolean() ? Source.TESTCONTAINERS : Source.EMBEDDED;
    }

    /** Username from TEST_DB_USERNAME, root when unset (databases are created per test run, which needs rights). */
    static String dbUsername(Function<String, String> env) {
        String value = env.apply(DB_USERNAME_ENV);
        return isBlank(value) ? "root" : value.trim();
    }

    /** Password from TEST_DB_PASSWORD, empty when unset. */
    static String dbPassword(Function<String, String> env) {
        String value = env.apply(DB_PASSWORD_ENV);
        return value == null ? "" : value;
    }

    static String kafkaBootstrap(Function<String, String> env) {
        return env.apply(KAFKA_ENV).trim();
    }

    /** A server without a database, as {@link MySqlServer#baseUrl} checks it. */
    static String baseUrl(String raw) {
        return MySqlServer.baseUrl(raw, DB_URL_ENV);
    }

    static String jdbcUrl(String baseUrl, String database) {
        return MySqlServer.jdbcUrl(baseUrl, database);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}

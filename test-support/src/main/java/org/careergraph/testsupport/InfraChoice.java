package org.careergraph.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/** Where the test servers come from, and the URL rules; pure functions so that they are unit-testable. */
final class InfraChoice {

    static final String KAFKA_ENV = "TEST_KAFKA_BOOTSTRAP";
    static final String DB_URL_ENV = "TEST_DB_URL";
    static final String DB_USERNAME_ENV = "TEST_DB_USERNAME";
    static final String DB_PASSWORD_ENV = "TEST_DB_PASSWORD";

    /** Connector/J settings that work against MySQL 8.4 (caching_sha2 without TLS) and MariaDB started with --skip-ssl. */
    static final String DEFAULT_URL_PARAMS = "createDatabaseIfNotExist=true&useSSL=false&allowPublicKeyRetrieval=true";

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

    /**
     * Checks a base URL such as {@code jdbc:mysql://host:3306} (a trailing slash and {@code ?params} are allowed, a
     * database is not) and returns it without the trailing slash.
     */
    static String baseUrl(String raw) {
        String url = raw == null ? "" : raw.trim();
        if (!url.startsWith("jdbc:mysql://")) {
            throw new IllegalArgumentException(DB_URL_ENV + " must look like jdbc:mysql://host:port, got: " + raw);
        }
        int query = url.indexOf('?');
        String hostPart = (query < 0 ? url : url.substring(0, query)).substring("jdbc:mysql://".length());
        if (hostPart.endsWith("/")) {
            hostPart = hostPart.substring(0, hostPart.length() - 1);
        }
        if (hostPart.isEmpty() || hostPart.contains("/")) {
            throw new IllegalArgumentException(DB_URL_ENV + " must name a server without a database "
                    + "(jdbc:mysql://host:port), got: " + raw);
        }
        return "jdbc:mysql://" + hostPart + (query < 0 ? "" : url.substring(query));
    }

    /** {@code base/database?params}: the base URL's own parameters first, then defaults it does not set. */
    static String jdbcUrl(String baseUrl, String database) {
        int query = baseUrl.indexOf('?');
        String server = query < 0 ? baseUrl : baseUrl.substring(0, query);
        Map<String, String> params = new LinkedHashMap<>();
        parseParams(query < 0 ? "" : baseUrl.substring(query + 1), params);
        Map<String, String> defaults = new LinkedHashMap<>();
        parseParams(DEFAULT_URL_PARAMS, defaults);
        defaults.forEach(params::putIfAbsent);
        StringBuilder url = new StringBuilder(server).append('/').append(database);
        char sep = '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            url.append(sep).append(e.getKey()).append(e.getValue());
            sep = '&';
        }
        return url.toString();
    }

    /** key to "=value" (or "" for a bare flag), in order. */
    private static void parseParams(String query, Map<String, String> into) {
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                into.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq));
            }
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}

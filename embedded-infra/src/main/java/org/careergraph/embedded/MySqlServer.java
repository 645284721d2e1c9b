package org.careergraph.embedded;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A MySQL or MariaDB server named by a base URL ({@code jdbc:mysql://host:port}, no database), with a user that may
 * create databases: one rule for the URLs the tests and the local run are given.
 *
 * @param baseUrl  {@code jdbc:mysql://host:port}, optionally with {@code ?params} for every connection
 * @param username a user allowed to create databases
 * @param password its password (empty for none)
 */
public record MySqlServer(String baseUrl, String username, String password) {

    /** Connector/J settings that work against MySQL 8.4 (caching_sha2 without TLS) and MariaDB started with --skip-ssl. */
    private static final String DEFAULT_URL_PARAMS = "createDatabaseIfNotExist=true&useSSL=false&allowPublicKeyRetrieval=true";
    private static final Pattern DATABASE_NAME = Pattern.compile("^[a-z][a-z0-9_]{0,63}$");

    /**
     * Checks a base URL such as {@code jdbc:mysql://host:3306} (a trailing slash and {@code ?params} are allowed, a
     * database is not) and returns it without the trailing slash.
     *
     * @param variable where the URL came from, for the error message
     */
    public static String baseUrl(String raw, String variable) {
        String url = raw == null ? "" : raw.trim();
        if (!url.startsWith("jdbc:mysql://")) {
            throw new IllegalArgumentException(variable + " must look like jdbc:mysql://host:port, got: " + raw);
        }
        int query = url.indexOf('?');
        String hostPart = (query < 0 ? url : url.substring(0, query)).substring("jdbc:mysql://".length());
        if (hostPart.endsWith("/")) {
            hostPart = hostPart.substring(0, hostPart.length() - 1);
        }
        if (hostPart.isEmpty() || hostPart.contains("/")) {
            throw new IllegalArgumentException(variable + " must name a server without a database "
                    + "(jdbc:mysql://host:port), got: " + raw);
        }
        return "jdbc:mysql://" + hostPart + (query < 0 ? "" : url.substring(query));
    }

    /** {@code base/database?params}: the base URL's own parameters first, then defaults it does not set. */
    public static String jdbcUrl(String baseUrl, String database) {
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

    /** The URL of one database on this server. */
    public String jdbcUrl(String database) {
        checkName(database);
        return jdbcUrl(baseUrl, database);
    }

    /** Creates the database if it does not exist yet; fails naming the server when it cannot be reached. */
    public void createDatabase(String name) {
        checkName(name);
        try (Connection c = DriverManager.getConnection(jdbcUrl(baseUrl, ""), username, password);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS `" + name + "`");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name + " on " + baseUrl + " as " + username
                    + ": " + e.getMessage(), e);
        }
    }

    /** Lowercase letters, digits and underscores, starting with a letter: safe to quote into SQL. */
    public static void checkName(String name) {
        if (name == null || !DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Database name must match " + DATABASE_NAME.pattern() + ": " + name);
        }
    }

    /** {@code key -> "=value"} (or "" for a bare flag), in order. */
    private static void parseParams(String query, Map<String, String> into) {
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                into.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq));
            }
        }
    }

    /** The password never shows in logs. */
    @Override
    public String toString() {
        return "MySqlServer[" + baseUrl + " as " + username + "]";
    }
}

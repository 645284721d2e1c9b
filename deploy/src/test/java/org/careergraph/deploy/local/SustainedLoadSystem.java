package org.careergraph.deploy.local;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.careergraph.embedded.FreePorts;
import org.careergraph.testsupport.TestInfrastructure;

/**
 * The whole local system as {@code ./mvnw -Prun} runs it (the four services and the web front, each its own JVM,
 * behind the gateway; the five seed pages and the bundled official releases, about 2,000 occupations), on the test
 * broker and database: the one entry point the sustained-load check ({@code org.careergraph.deploy.load}) needs from
 * this package, where {@link LocalLauncher} is package-private.
 */
public final class SustainedLoadSystem implements AutoCloseable {

    /** Nothing listens there (the discard port): the check subscribes webhooks only. */
    private static final int NO_MAIL = 9;

    private final LocalLauncher launcher;

    private SustainedLoadSystem(LocalLauncher launcher) {
        this.launcher = launcher;
    }

    /**
     * Starts it and returns once every service is ready (the catalog imports the bundled releases before it is).
     *
     * @param gatewayPort the gateway's port; 0 for any free one
     * @param home        the services' working folder (JWT secret, admin token)
     * @param log         where the services' output goes
     */
    public static SustainedLoadSystem start(Path projectRoot, Path home, int gatewayPort, ServicesLog log) {
        // Own databases on the (possibly shared) test server, so that every run starts from nothing.
        String run = UUID.randomUUID().toString().substring(0, 8);
        LocalLauncher.Infrastructure infrastructure = new LocalLauncher.Infrastructure(
                TestInfrastructure.kafkaBootstrapServers(),
                database -> TestInfrastructure.jdbcUrl("load_" + run + "_" + database),
                TestInfrastructure.dbUsername(), TestInfrastructure.dbPassword(), NO_MAIL);
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, FreePorts.pick());
        }
        LocalLauncher launcher = new LocalLauncher(new LocalLauncher.Config(projectRoot, home,
                gatewayPort == 0 ? FreePorts.pick() : gatewayPort, ports, true, true, Duration.ofMinutes(6),
                log.out()));
        return new SustainedLoadSystem(log.start(launcher, infrastructure));
    }

    /** The gateway's address: the one URL of the system. */
    public URI url() {
        return launcher.url();
    }

    /** A bearer token with role ADMIN. */
    public String adminToken() {
        return launcher.adminToken();
    }

    public String kafkaBootstrapServers() {
        return TestInfrastructure.kafkaBootstrapServers();
    }

    @Override
    public void close() {
        launcher.close();
    }
}

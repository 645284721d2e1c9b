package org.careergraph.deploy.local;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.careergraph.embedded.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the launcher says when it cannot start; no broker or database needed, the services die before using them. */
class LocalLauncherTest {

    @TempDir
    Path root;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @Test
    void aServiceThatIsNotBuiltIsNamedBeforeAnythingStarts() throws IOException {
        builtWithoutClasses(Service.CATALOG, Service.SCORING);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new LocalLauncher(config(0)));

        assertTrue(e.getMessage().startsWith("immigration-service is not built"), e.getMessage());
        assertTrue(e.getMessage().contains("./mvnw -Prun -DskipTests package"), e.getMessage());
    }

    @Test
    void aServiceThatExitsWhileStartingIsNamedAndEverythingStartedIsStopped() throws IOException {
        // Empty classes folders: each JVM exits at once, unable to find its main class.
        builtWithoutClasses(Service.values());
        int gatewayPort = FreePorts.pick();
        LocalLauncher launcher = new LocalLauncher(config(gatewayPort));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> launcher.start(
                new LocalLauncher.Infrastructure("localhost:9", db -> "jdbc:mysql://localhost:9/" + db, "root", "", 9)));

        assertTrue(e.getMessage().matches("The \\w+ service exited with code 1 before it was ready; .*"),
                e.getMessage());
        assertTrue(output.toString().contains("] Error: Could not find or load main class org.careergraph."),
                "the service's own output, prefixed: " + output);
        Ports.requireFree(gatewayPort, "the gateway", "CAREERGRAPH_PORT");
    }

    @Test
    void aFailedStartShowsTheFailingServicesOwnLastLines() throws IOException {
        builtWithoutClasses(Service.values());
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (ServicesLog log = ServicesLog.in(Files.createDirectories(root.resolve("logs")))) {
            LocalLauncher launcher = new LocalLauncher(config(FreePorts.pick(), log.out()));

            ServiceExitedException e = assertThrows(ServiceExitedException.class, () -> ServicesLog.start(launcher,
                    new LocalLauncher.Infrastructure("localhost:9", db -> "jdbc:mysql://localhost:9/" + db, "root", "",
                            9), log.file(), new PrintStream(console, true)));

            String prefix = "[" + e.service().shortName() + "]";
            List<String> printed = console.toString().lines().toList();
            assertTrue(printed.getFirst().startsWith("The system did not start; the last "), printed.getFirst());
            assertTrue(printed.getFirst().contains(" prefixed " + prefix + " of " + log.file()), printed.getFirst());
            assertTrue(printed.stream().anyMatch(line -> line.startsWith(prefix + " Error: Could not find or load "
                    + "main class org.careergraph.")), "its own output: " + printed);
            assertTrue(printed.stream().skip(1).allMatch(line -> line.startsWith(prefix)), "no other's: " + printed);
        }
    }

    private void builtWithoutClasses(Service... services) throws IOException {
        for (Service service : services) {
            Path target = root.resolve(service.module()).resolve("target");
            Files.createDirectories(target.resolve("classes"));
            Files.writeString(target.resolve("runtime-classpath.txt"), "");
        }
    }

    private LocalLauncher.Config config(int gatewayPort) {
        return config(gatewayPort, new PrintStream(output, true));
    }

    private LocalLauncher.Config config(int gatewayPort, PrintStream out) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, FreePorts.pick());
        }
        return new LocalLauncher.Config(root, root.resolve("home"), gatewayPort, ports, false, false,
                Duration.ofSeconds(60), out);
    }
}

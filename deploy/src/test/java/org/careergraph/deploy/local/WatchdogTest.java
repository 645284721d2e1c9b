package org.careergraph.deploy.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.careergraph.embedded.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Killing the launcher's JVM leaves none of its processes behind; stopping it cleanly leaves the stopping to it. The
 * launcher is {@link LauncherInSmall}, in its own JVM.
 */
class WatchdogTest {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    /** The watchdog's grace time and a JVM's exit, with room for a busy machine. */
    private static final Duration CLEANUP = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private Process launcher;
    private final List<Long> pids = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        if (launcher != null) {
            launcher.destroyForcibly();
        }
        pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    @Test
    void killingTheLauncherWithSigkillLeavesNoProcessOfItsBehind() throws Exception {
        long[] started = startLauncherInSmall();
        long service = started[0];
        long stubborn = started[1];

        launcher.destroyForcibly();
        launcher.waitFor();

        await().atMost(CLEANUP).until(() -> pids.stream().noneMatch(WatchdogTest::isRunning));
        String log = log();
        assertTrue(log.contains("[watchdog] the launcher is gone: stopping what it started (pids "), log);
        assertTrue(log.contains(String.valueOf(service)), log);
        assertTrue(log.contains("[watchdog] still running after 1 s, killed: " + stubborn), "it ignores SIGTERM: " + log);
    }

    @Test
    void aCleanStopStopsEverythingItselfAndTheWatchdogExitsSignallingNothing() throws Exception {
        startLauncherInSmall();

        launcher.destroy(); // SIGTERM: the shutdown hook runs, as on Ctrl-C

        assertTrue(launcher.waitFor(CLEANUP.toSeconds(), TimeUnit.SECONDS), log());
        await().atMost(CLEANUP).until(() -> pids.stream().noneMatch(WatchdogTest::isRunning));
        String log = log();
        assertTrue(log.contains("stopped cleanly"), log);
        assertFalse(log.contains("[watchdog]"), log);
    }

    @Test
    void closingTheWatchdogLeavesOurChildrenAlone() throws Exception {
        Process child = new ProcessBuilder("sleep", "600").start();
        pids.add(child.pid());
        Watchdog watchdog = Watchdog.start(Duration.ofSeconds(1), System.out);
        long watchdogPid = watchdog.pid();
        pids.add(watchdogPid);

        watchdog.close();

        await().atMost(CLEANUP).until(() -> !isRunning(watchdogPid));
        assertTrue(child.isAlive());
        child.destroyForcibly();
    }

    /** Starts the launcher in its own JVM, waits until it is ready; its service, other child and watchdog pids. */
    private long[] startLauncherInSmall() throws IOException {
        List<String> command = new ArrayList<>(ServiceProcess.javaCommand(System.getProperty("java.class.path"),
                LauncherInSmall.class.getName()));
        command.add(String.valueOf(FreePorts.pick()));
        launcher = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("launcher.log").toFile()).start();
        String ready = await().atMost(STARTUP).until(this::readyLine, Objects::nonNull);
        long[] started = Arrays.stream(ready.substring("ready ".length()).split(" ")).mapToLong(Long::parseLong)
                .toArray();
        assertEquals(3, started.length, ready);
        Arrays.stream(started).forEach(pids::add);
        Arrays.stream(started).forEach(pid -> assertTrue(isRunning(pid), pid + " runs: " + log()));
        return started;
    }

    private String readyLine() {
        if (!launcher.isAlive()) {
            throw new IllegalStateException("The launcher exited with code " + launcher.exitValue() + ":\n" + log());
        }
        return log().lines().filter(line -> line.startsWith("ready ")).findFirst().orElse(null);
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("launcher.log"), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Alive and not a zombie: an orphan's exit shows only once the init process has reaped it. */
    private static boolean isRunning(long pid) {
        if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
            return false;
        }
        Path stat = Path.of("/proc", String.valueOf(pid), "stat");
        try {
            String line = Files.readString(stat);
            return line.charAt(line.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return !Files.exists(Path.of("/proc")); // no /proc (macOS): alive as the JDK says
        }
    }
}

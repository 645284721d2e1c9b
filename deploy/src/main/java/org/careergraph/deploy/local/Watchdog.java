package org.careergraph.deploy.local;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Stops this JVM's child processes (the services, mariadbd) when the JVM dies without stopping them: a kill -9 or a
 * crash, which no shutdown hook sees. One per JVM (the launcher's; the fault-injection suite's).
 *
 * <p>A small {@code /bin/sh} process reads, on its stdin, the current list of our descendants: one line of pids,
 * sent again whenever it changes. Only this JVM holds the other end of that pipe (Java closes it in every other
 * child), so when the JVM dies, however it dies, the watchdog reads the end of its input, and it sends the processes
 * of the last list that are still there SIGTERM, then SIGKILL after the grace time. A clean stop ({@link #close()})
 * sends "stop" first, and it exits leaving everything alone.
 *
 * <p>Pid reuse: the list holds only processes alive at the time it was sent, and it is sent again whenever a
 * service starts or exits and every {@link #REFRESH}; the watchdog acts at once on our death and signals only pids
 * still alive. So a pid it signals could only be another process's if one of ours exited in the last moments before
 * the JVM died and the system gave its pid away in between.
 */
public final class Watchdog implements AutoCloseable {

    private static final Duration REFRESH = Duration.ofSeconds(2);
    private static final Duration EXIT_WAIT = Duration.ofSeconds(5);

    /**
     * $1: the grace time in seconds. Ignores SIGINT and SIGHUP: Ctrl-C and a closed terminal reach the whole
     * process group, and the launcher, stopping cleanly, tells it to stop once it is done.
     */
    private static final String SCRIPT = """
            trap '' INT HUP
            pids=
            while read -r line; do
              if [ "$line" = stop ]; then exit 0; fi
              pids=$line
            done
            alive() {
              for pid in $pids; do
                kill -0 "$pid" 2>/dev/null || continue
                # An orphan that exited stays a zombie until init reaps it: gone all the same (Linux: /proc).
                case $(cat "/proc/$pid/stat" 2>/dev/null) in *") Z "*) continue ;; esac
                printf '%s ' "$pid"
              done
            }
            pids=$(alive)
            if [ -z "$pids" ]; then exit 0; fi
            echo "[watchdog] the launcher is gone: stopping what it started (pids ${pids% })" >&2
            kill -TERM $pids 2>/dev/null
            waited=0
            while pids=$(alive); [ -n "$pids" ] && [ "$waited" -lt "$1" ]; do sleep 1; waited=$((waited + 1)); done
            if [ -n "$pids" ]; then
              echo "[watchdog] still running after $1 s, killed: ${pids% }" >&2
              kill -KILL $pids 2>/dev/null
            fi
            exit 0
            """;

    private final Process process;
    private final OutputStream toWatchdog;
    private final PrintStream out;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("watchdog-refresh").factory());
    private String lastSent;
    private boolean closed;
    private boolean gone;

    /** @param process the watchdog process, or null where there is no {@code /bin/sh} (Windows): then it does nothing */
    private Watchdog(Process process, PrintStream out) {
        this.process = process;
        this.toWatchdog = process == null ? OutputStream.nullOutputStream() : process.getOutputStream();
        this.out = out;
    }

    /**
     * Starts the watchdog and sends it our current descendants.
     *
     * @param grace how long our processes get between SIGTERM and SIGKILL
     * @param out   where a watchdog that ended early is reported (its own messages go to our stderr)
     */
    public static Watchdog start(Duration grace, PrintStream out) {
        long graceSeconds = Math.max(1, (grace.toMillis() + 999) / 1000);
        if (!Files.isExecutable(Path.of("/bin/sh"))) {
            out.println("[launcher] No /bin/sh on this system: should the launcher be killed rather than stopped with "
                    + "Ctrl-C, stop the java processes it started yourself.");
            return new Watchdog(null, out);
        }
        Process process;
        try {
            process = new ProcessBuilder("/bin/sh", "-c", SCRIPT, "careergraph-watchdog", String.valueOf(graceSeconds))
                    .redirectOutput(Redirect.INHERIT).redirectError(Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the watchdog (/bin/sh) that stops the services should the "
                    + "launcher be killed", e);
        }
        Watchdog watchdog = new Watchdog(process, out);
        watchdog.update();
        watchdog.refresher.scheduleWithFixedDelay(watchdog::refresh, REFRESH.toMillis(), REFRESH.toMillis(),
                TimeUnit.MILLISECONDS);
        return watchdog;
    }

    long pid() {
        return process.pid();
    }

    /** Sends the watchdog our current descendants (but itself), if they changed. */
    synchronized void update() {
        if (closed || gone || process == null) {
            return;
        }
        String pids = ourProcesses().map(String::valueOf).collect(Collectors.joining(" "));
        if (pids.equals(lastSent)) {
            return;
        }
        try {
            toWatchdog.write((pids + "\n").getBytes(US_ASCII));
            toWatchdog.flush();
            lastSent = pids;
        } catch (IOException e) {
            gone = true;
            out.println("[launcher] the watchdog has ended" + (process.isAlive() ? "" : " (code " + process.exitValue()
                    + ")") + ": should the launcher be killed now, its processes would keep running");
        }
    }

    /** A failure here must not end the refreshing: the next one may work. */
    private void refresh() {
        try {
            update();
        } catch (RuntimeException e) {
            out.println("[launcher] cannot list our processes for the watchdog: " + e);
        }
    }

    private Stream<Long> ourProcesses() {
        Set<Long> watchdog = Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .map(ProcessHandle::pid).collect(Collectors.toSet());
        return ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive)
                .map(ProcessHandle::pid)
                .filter(pid -> !watchdog.contains(pid))
                .sorted();
    }

    /** Tells the watchdog that we stop cleanly: it exits, signalling nothing. Waits for it. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            refresher.shutdownNow();
            if (process == null) {
                return;
            }
            try (toWatchdog) {
                toWatchdog.write("stop\n".getBytes(US_ASCII));
            } catch (IOException e) {
                // It has ended already.
            }
        }
        try {
            if (!process.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroy();
            }
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
        }
    }
}

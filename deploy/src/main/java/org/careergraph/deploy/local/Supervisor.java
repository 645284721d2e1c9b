package org.careergraph.deploy.local;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps the services running as a Kubernetes Deployment keeps its pods: a service that exits after it was ready is
 * started again with the same command, environment and port, after a backoff that grows with each exit in a row
 * ({@link RestartPolicy}); one that keeps exiting is given up on. A service that exits before it was ever ready is
 * not restarted: the launcher's first start fails on it, naming it.
 *
 * <p>Every decision runs on one thread, the supervisor's clock: process exits, readiness answers and restarts are
 * queued on it, so they never race one another. Others read each service's {@link Status}, published after each
 * change.
 */
final class Supervisor implements AutoCloseable {

    enum State {
        /** Started for the first time, not ready yet. */
        STARTING,
        READY,
        /** Exited after it was ready: waiting out its backoff, or started again and not ready yet. */
        RESTARTING,
        /** Exited before it was ever ready: not restarted (the launcher's first start fails on it). */
        EXITED_BEFORE_READY,
        /** Exited {@link RestartPolicy#crashLoopLimit()} times in a row: not restarted again. */
        GAVE_UP,
        STOPPED
    }

    /**
     * One service as others see it.
     *
     * @param pid               its current (or last) process
     * @param exitsInARow       exits without staying ready in between (the restart number while restarting)
     * @param lastExitCode      meaningful once it has exited
     * @param waitingToRestart  whether it is waiting out its backoff (else, when restarting, it is starting again)
     * @param restartAtNanos    on the supervisor's clock ({@link System#nanoTime()}), while waiting
     * @param notReadyBecause   what its last readiness check answered, while it is not ready
     */
    record Status(State state, long pid, int exitsInARow, int lastExitCode, boolean waitingToRestart,
                  long restartAtNanos, String notReadyBecause) {
    }

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    /** About a service JVM's boot: the Retry-After while a restarted service starts, added to a backoff's rest. */
    private static final Duration RETRY_WHILE_STARTING = Duration.ofSeconds(5);
    private static final String NOT_ANSWERING = "not answering yet";

    private final RestartPolicy policy;
    private final Duration stopGrace;
    private final PrintStream out;
    private final Runnable childrenChanged;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("supervisor").factory());
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<Service, Supervised> services = new ConcurrentHashMap<>();
    private final AtomicBoolean closing = new AtomicBoolean();
    /** Set on the clock: no more starts or restarts. */
    private boolean stopped;

    /**
     * @param stopGrace       how long {@link #close()} waits for each service to stop before killing it
     * @param out             where the services' output and the supervisor's messages go
     * @param childrenChanged called (on the clock) whenever a service process starts or exits: the watchdog's cue
     */
    Supervisor(RestartPolicy policy, Duration stopGrace, PrintStream out, Runnable childrenChanged) {
        this.policy = policy;
        this.stopGrace = stopGrace;
        this.out = out;
        this.childrenChanged = childrenChanged;
    }

    /** Starts the service and watches it from now on; does not wait for it to be ready. */
    void start(ServiceProcess.Launch launch) {
        onClock(() -> {
            if (stopped) {
                throw new IllegalStateException("Stopped while starting");
            }
            if (services.containsKey(launch.service())) {
                throw new IllegalStateException(launch.service().shortName() + " is supervised already");
            }
            Supervised service = new Supervised(launch, ServiceProcess.start(launch, out));
            services.put(launch.service(), service);
            watch(service);
            return null;
        });
    }

    /** Empty for a service that is not supervised here. */
    Optional<Status> status(Service service) {
        return Optional.ofNullable(services.get(service)).map(supervised -> supervised.status);
    }

    /** Why the service cannot serve now; empty when it is ready (or not supervised here). */
    Optional<Outage> outage(Service service) {
        return status(service).flatMap(Supervisor::outage);
    }

    private static Optional<Outage> outage(Status status) {
        String state = status.state().name();
        return switch (status.state()) {
            case READY -> Optional.empty();
            case STARTING -> Optional.of(new Outage(state, "is starting", Optional.of(RETRY_WHILE_STARTING)));
            case RESTARTING -> {
                if (!status.waitingToRestart()) {
                    yield Optional.of(new Outage(state, "exited with code " + status.lastExitCode()
                            + " and is starting again (restart " + status.exitsInARow() + ")",
                            Optional.of(RETRY_WHILE_STARTING)));
                }
                // Whole seconds, at least 1: what a Retry-After can say.
                long nanos = Math.max(0, status.restartAtNanos() - System.nanoTime());
                Duration untilRestart = Duration.ofSeconds(Math.max(1, (nanos + 999_999_999) / 1_000_000_000));
                yield Optional.of(new Outage(state, "exited with code " + status.lastExitCode() + " and restarts in "
                        + seconds(untilRestart) + " (restart " + status.exitsInARow() + ")",
                        Optional.of(untilRestart.plus(RETRY_WHILE_STARTING))));
            }
            case GAVE_UP -> Optional.of(new Outage(state, "exited " + status.exitsInARow() + " times in a row (last "
                    + "code " + status.lastExitCode() + ") and was given up on; restart Career Graph after fixing it",
                    Optional.empty()));
            case EXITED_BEFORE_READY -> Optional.of(new Outage(state, "exited with code " + status.lastExitCode()
                    + " before it was ready", Optional.empty()));
            case STOPPED -> Optional.of(new Outage(state, "is stopped", Optional.empty()));
        };
    }

    /** No more restarts from now on (nor starts); the services keep running until {@link #close()}. */
    void stopRestarting() {
        if (closing.get()) {
            return;
        }
        try {
            onClock(() -> {
                stopped = true;
                services.values().forEach(Supervised::stop);
                return null;
            });
        } catch (IllegalStateException e) {
            // Closed meanwhile: nothing restarts any more either way.
        }
    }

    /** Asks every service to stop and waits for each, killing one that takes longer than the grace time. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        List<ServiceProcess> stopping = onClock(() -> {
            stopped = true;
            List<ServiceProcess> running = new ArrayList<>();
            for (Supervised service : services.values()) {
                service.stop();
                running.add(service.process);
            }
            running.forEach(ServiceProcess::requestStop);
            return running;
        });
        stopping.forEach(process -> process.awaitStop(stopGrace, out));
        clock.shutdownNow();
        client.shutdownNow(); // close() would wait for the readiness checks in flight
    }

    // ---- on the clock ----

    private void watch(Supervised service) {
        ServiceProcess process = service.process;
        childrenChanged.run();
        process.exited().thenAcceptAsync(code -> exited(service, process, code), clock)
                .exceptionally(this::reportFailure);
        schedule(() -> probe(service, process), POLL_INTERVAL);
    }

    private void probe(Supervised service, ServiceProcess process) {
        if (!service.isStartingWith(process)) {
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + process.port() + Gateway.READINESS))
                .timeout(PROBE_TIMEOUT).build();
        client.sendAsync(request, BodyHandlers.ofString())
                .handleAsync((response, notAnswering) -> {
                    probed(service, process, response);
                    return null;
                }, clock)
                .exceptionally(this::reportFailure);
    }

    /** {@code response} is null when the service did not answer. */
    private void probed(Supervised service, ServiceProcess process, HttpResponse<String> response) {
        if (!service.isStartingWith(process)) {
            return;
        }
        if (response != null && response.statusCode() == 200) {
            service.ready();
            return;
        }
        service.notReadyBecause(response == null ? NOT_ANSWERING
                : "readiness " + response.statusCode() + ": " + response.body());
        schedule(() -> probe(service, process), POLL_INTERVAL);
    }

    private void exited(Supervised service, ServiceProcess process, int code) {
        if (stopped || service.process != process) {
            return;
        }
        childrenChanged.run();
        service.exited(code);
    }

    private void restart(Supervised service) {
        if (stopped || service.state != State.RESTARTING) {
            return;
        }
        try {
            service.process = ServiceProcess.start(service.launch, out);
        } catch (RuntimeException e) {
            out.println("[launcher] cannot start " + service.name() + " again: " + e.getMessage());
            service.exited(-1);
            return;
        }
        service.startedAgain();
        watch(service);
    }

    /** A step that failed would leave its service unwatched: say so (a rejected step only means we are closed). */
    private <T> T reportFailure(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        if (!(cause instanceof RejectedExecutionException)) {
            out.println("[launcher] supervising failed: " + cause);
        }
        return null;
    }

    private ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        try {
            return clock.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            return null; // closed: nothing more to do
        }
    }

    private <T> T onClock(Callable<T> task) {
        try {
            return clock.submit(task).get();
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("Stopped while starting", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while supervising", e);
        }
    }

    /** "2 s", "0.1 s": whole seconds unless shorter policies (tests) need less. */
    static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
    }

    /** One service's state; changed on the clock only, published as {@link #status} for everyone else. */
    private final class Supervised {
        final ServiceProcess.Launch launch;
        ServiceProcess process;
        State state = State.STARTING;
        boolean everReady;
        long readySince;
        long downSince;
        int exitsInARow;
        int lastExitCode;
        boolean waitingToRestart;
        long restartAt;
        String notReadyBecause = NOT_ANSWERING;
        ScheduledFuture<?> pendingRestart;
        volatile Status status;

        Supervised(ServiceProcess.Launch launch, ServiceProcess process) {
            this.launch = launch;
            this.process = process;
            publish();
        }

        String name() {
            return launch.service().shortName();
        }

        boolean isStartingWith(ServiceProcess current) {
            return !stopped && process == current && current.isAlive()
                    && (state == State.STARTING || state == State.RESTARTING);
        }

        void ready() {
            long now = System.nanoTime();
            if (everReady) {
                out.println("[launcher] " + name() + " is ready again after "
                        + Math.round((now - downSince) / 1e9) + " s");
            }
            everReady = true;
            state = State.READY;
            readySince = now;
            notReadyBecause = null;
            publish();
        }

        void notReadyBecause(String answer) {
            notReadyBecause = answer;
            publish();
        }

        void exited(int code) {
            long now = System.nanoTime();
            lastExitCode = code;
            if (!everReady) {
                state = State.EXITED_BEFORE_READY;
                publish();
                return;
            }
            if (state == State.READY) {
                downSince = now;
                if (now - readySince >= policy.stableAfter().toNanos()) {
                    exitsInARow = 0;
                }
            }
            exitsInARow++;
            if (exitsInARow >= policy.crashLoopLimit()) {
                state = State.GAVE_UP;
                waitingToRestart = false;
                publish();
                out.println("[launcher] gave up on " + name() + ": it exited " + exitsInARow + " times in a row (last "
                        + "code " + code + "); its output is above, prefixed [" + name() + "]. The rest keeps "
                        + "running; restart Career Graph after fixing it.");
                return;
            }
            Duration backoff = policy.backoff(exitsInARow);
            state = State.RESTARTING;
            waitingToRestart = true;
            restartAt = now + backoff.toNanos();
            notReadyBecause = NOT_ANSWERING;
            publish();
            out.println("[launcher] " + name() + " exited with code " + code + "; restarting in " + seconds(backoff)
                    + " (restart " + exitsInARow + ")");
            pendingRestart = schedule(() -> restart(this), backoff);
        }

        void startedAgain() {
            waitingToRestart = false;
            pendingRestart = null;
            publish();
        }

        void stop() {
            if (pendingRestart != null) {
                pendingRestart.cancel(false);
                pendingRestart = null;
            }
            state = State.STOPPED;
            waitingToRestart = false;
            publish();
        }

        private void publish() {
            status = new Status(state, process.pid(), exitsInARow, lastExitCode, waitingToRestart, restartAt,
                    notReadyBecause);
        }
    }
}

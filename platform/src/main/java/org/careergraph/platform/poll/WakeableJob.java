package org.careergraph.platform.poll;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background job that polls for its work (its {@code @Scheduled} method calls {@link #run}) and also runs as soon as
 * it is woken, right after the commit that gave it work ({@link #wake}, from a transactional event listener): the work
 * does not wait for the next poll, and the polls stay the guarantee (a wake-up that comes too early or is lost costs
 * one poll interval). It never runs twice at once: polls and wake-ups during a run make it run once more after, however
 * many came. A failed run is logged and the job goes on.
 */
public final class WakeableJob implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WakeableJob.class);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(30);

    private final String name;
    private final Runnable job;
    /** Runs asked for and not yet started; the thread that moves it from 0 runs them all. */
    private final AtomicInteger asked = new AtomicInteger();
    /** A wake-up is queued and has not started: more wake-ups add nothing to it. */
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    /** Held by the thread running the job: closing waits for it. */
    private final ReentrantLock running = new ReentrantLock();
    private final ExecutorService woken;
    private volatile boolean closed;

    /** @param name the job's name in its thread and in the log, e.g. {@code outbox-relay} */
    public WakeableJob(String name, Runnable job) {
        this.name = name;
        this.job = job;
        this.woken = Executors.newSingleThreadExecutor(Thread.ofVirtual().name(name + "-woken").factory());
    }

    /** Runs the job on this thread, or, when a run is under way, has that run go once more. */
    public void run() {
        if (closed || asked.getAndIncrement() != 0) {
            return;
        }
        int seen = 1;
        running.lock();
        try {
            while (!closed) {
                try {
                    job.run();
                } catch (RuntimeException e) {
                    LOG.warn("{} failed; it runs again at its next poll or wake-up: {}", name, e.toString());
                }
                seen = asked.addAndGet(-seen);
                if (seen == 0) {
                    break;
                }
            }
        } finally {
            running.unlock();
            if (seen != 0) {
                asked.set(0); // left early (closing, or an Error): the next poll starts afresh
            }
        }
    }

    /** Runs the job soon on its own thread (this one is the committing one: it goes on at once). */
    public void wake() {
        if (closed || !wakeQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            woken.execute(() -> {
                wakeQueued.set(false);
                run();
            });
        } catch (RejectedExecutionException closing) {
            wakeQueued.set(false);
        }
    }

    /** No more runs; waits (at most 30 s) for the one under way, whichever thread runs it. */
    @Override
    public void close() {
        closed = true;
        woken.shutdown();
        try {
            if (running.tryLock(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                running.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            woken.shutdownNow();
        }
    }
}

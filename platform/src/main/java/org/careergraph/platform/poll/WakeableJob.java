package org.careergraph.platform.poll;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A background job that polls for its work (its {@code @Scheduled} method calls {@link #run}) and also runs as soon as
 * it is woken, right after the commit that gave it work ({@link #wake}, from a transactional event listener): the work
 * does not wait for the next poll, and the polls stay the guarantee (a wake-up that comes too early or is lost costs
 * one poll interval). It never runs twice at once: a poll or a wake-up during a run makes it run once more after.
 */
public final class WakeableJob implements AutoCloseable {

    private final Runnable job;
    /** Runs asked for and not yet started; the thread that moves it from 0 runs them all. */
    private final AtomicInteger asked = new AtomicInteger();
    private final ExecutorService woken;

    /** @param name the thread's name, e.g. {@code outbox-relay} */
    public WakeableJob(String name, Runnable job) {
        this.job = job;
        this.woken = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name(name + "-woken").factory());
    }

    /** Runs the job on this thread, or, when a run is under way, has that run go once more. */
    public void run() {
        if (asked.getAndIncrement() != 0) {
            return;
        }
        int seen = 1;
        do {
            job.run();
            seen = asked.addAndGet(-seen);
        } while (seen != 0);
    }

    /** Runs the job soon on the job's own thread (this one is the committing one: it goes on at once). */
    public void wake() {
        try {
            woken.execute(this::run);
        } catch (RejectedExecutionException closed) {
            // shutting down: nothing more to run
        }
    }

    @Override
    public void close() {
        woken.shutdownNow();
    }
}

package org.careergraph.platform.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Runs when polled and when woken, never two at once, once more for all that came during a run, and past failures. */
class WakeableJobTest {

    @Test
    void aWakeUpRunsTheJobOnItsOwnThread() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        AtomicReference<String> thread = new AtomicReference<>();
        try (WakeableJob job = new WakeableJob("test-job", () -> {
            thread.set(Thread.currentThread().getName());
            ran.countDown();
        })) {
            job.wake();
            assertTrue(ran.await(30, TimeUnit.SECONDS), "woken, it ran");
        }
        assertEquals("test-job-woken", thread.get());
    }

    @Test
    void pollsDuringARunMakeItRunOnceMoreNeverTwiceAtOnce() throws InterruptedException {
        Gate gate = new Gate();
        try (WakeableJob job = new WakeableJob("test-job", gate::run)) {
            Thread poll = Thread.ofPlatform().start(job::run);
            gate.awaitFirstRun();
            for (int i = 0; i < 3; i++) {
                job.run(); // returns at once: the run under way goes again
            }
            gate.open();
            poll.join();
        }
        assertEquals(2, gate.runs.get(), "the run under way went once more for the three asked meanwhile");
        assertEquals(1, gate.mostAtOnce.get());
    }

    @Test
    void wakeUpsDuringAWokenRunMakeItRunOnceMore() throws InterruptedException {
        Gate gate = new Gate();
        CountDownLatch secondRun = new CountDownLatch(1);
        try (WakeableJob job = new WakeableJob("test-job", () -> {
            gate.run();
            if (gate.runs.get() == 2) {
                secondRun.countDown();
            }
        })) {
            job.wake();
            gate.awaitFirstRun();
            for (int i = 0; i < 3; i++) {
                job.wake();
            }
            gate.open();
            assertTrue(secondRun.await(30, TimeUnit.SECONDS), "woken again, it ran again");
        } // closing waits for any run under way: none can start after
        assertEquals(2, gate.runs.get(), "three wake-ups during a run are one more run");
        assertEquals(1, gate.mostAtOnce.get());
    }

    @Test
    void aFailedRunIsLoggedAndTheJobGoesOn() {
        AtomicInteger runs = new AtomicInteger();
        try (WakeableJob job = new WakeableJob("test-job", () -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("the database is away");
            }
        })) {
            job.run();
            job.run();
        }
        assertEquals(2, runs.get());
    }

    @Test
    void aClosedJobRunsNoMore() {
        AtomicInteger runs = new AtomicInteger();
        WakeableJob job = new WakeableJob("test-job", runs::incrementAndGet);
        job.close();

        job.run();
        job.wake();

        assertEquals(0, runs.get());
    }

    /** A job whose first run waits until the test opens the gate; counts its runs and the most at once. */
    private static final class Gate {

        final AtomicInteger runs = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        private final AtomicInteger atOnce = new AtomicInteger();
        private final CountDownLatch firstRunStarted = new CountDownLatch(1);
        private final CountDownLatch opened = new CountDownLatch(1);

        void run() {
            mostAtOnce.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
            if (runs.incrementAndGet() == 1) {
                firstRunStarted.countDown();
                await(opened);
            }
            atOnce.decrementAndGet();
        }

        void awaitFirstRun() {
            await(firstRunStarted);
        }

        void open() {
            opened.countDown();
        }

        private static void await(CountDownLatch latch) {
            try {
                if (!latch.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("waited 30 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}

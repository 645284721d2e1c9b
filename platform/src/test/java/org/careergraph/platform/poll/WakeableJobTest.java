package org.careergraph.platform.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Runs when polled and when woken, never two at once, and once more for what came during a run. */
class WakeableJobTest {

    @Test
    void aWakeUpRunsTheJobOnItsOwnThread() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        try (WakeableJob job = new WakeableJob("test-job", () -> {
            runs.incrementAndGet();
            assertTrue(Thread.currentThread().getName().startsWith("test-job-woken"));
            ran.countDown();
        })) {
            job.wake();
            assertTrue(ran.await(30, TimeUnit.SECONDS), "woken, it ran");
        }
        assertEquals(1, runs.get());
    }

    @Test
    void whatIsAskedDuringARunMakesItRunOnceMoreNeverTwiceAtOnce() throws InterruptedException {
        CountDownLatch firstRunStarted = new CountDownLatch(1);
        CountDownLatch wokenMeanwhile = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger atOnce = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        try (WakeableJob job = new WakeableJob("test-job", () -> {
            mostAtOnce.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
            if (runs.incrementAndGet() == 1) {
                firstRunStarted.countDown();
                await(wokenMeanwhile);
            }
            atOnce.decrementAndGet();
        })) {
            Thread poll = Thread.ofPlatform().start(job::run);
            await(firstRunStarted);
            for (int i = 0; i < 3; i++) {
                job.run(); // returns at once: the run under way goes again
            }
            wokenMeanwhile.countDown();
            poll.join();
        }
        assertEquals(2, runs.get(), "the run under way went once more for the three asked meanwhile");
        assertEquals(1, mostAtOnce.get());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

package org.careergraph.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.http.HttpStatus;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.careergraph.platform.web.ProblemException;
import org.junit.jupiter.api.Test;

/** Imports are admitted while a pool thread is free and refused at once beyond that, never queued. */
class ImportPoolTest {

    @Test
    void oneMoreThanThePoolIsRefusedAtOnceAndAdmittedOnceAThreadIsFree() throws Exception {
        ImportPool pool = new ImportPool(new ImportSettings(2, Duration.ofSeconds(7), 1024, Duration.ofSeconds(1)));
        try {
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<String> first = pool.submit(() -> waitFor(release, "first"));
            CompletableFuture<String> second = pool.submit(() -> waitFor(release, "second"));

            ProblemException busy = assertThrows(ProblemException.class, () -> pool.submit(() -> "third"));
            assertEquals(HttpStatus.TOO_MANY_REQUESTS, busy.status());
            assertEquals(7, busy.retryAfterSeconds().orElseThrow());

            release.countDown();
            assertEquals("first", first.get());
            assertEquals("second", second.get());
            assertNotEquals(Thread.currentThread().getName(), pool.submit(() -> Thread.currentThread().getName()).get());
            assertEquals("after", pool.run(() -> "after"));
            // A failed import frees its thread too.
            assertThrows(IllegalStateException.class, () -> pool.run(() -> {
                throw new IllegalStateException("failed");
            }));
            CountDownLatch releaseAgain = new CountDownLatch(1);
            CompletableFuture<String> third = pool.submit(() -> waitFor(releaseAgain, "third"));
            CompletableFuture<String> fourth = pool.submit(() -> waitFor(releaseAgain, "fourth"));
            releaseAgain.countDown();
            assertEquals("third", third.get());
            assertEquals("fourth", fourth.get());
        } finally {
            pool.stop();
        }
    }

    private static String waitFor(CountDownLatch release, String result) {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return result;
    }
}

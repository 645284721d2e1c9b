package org.careergraph.catalog;

import io.micronaut.http.HttpStatus;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.careergraph.platform.web.ProblemException;

/**
 * The threads imports run on: a fixed pool of {@link ImportSettings#concurrency()} threads, apart from the HTTP event
 * loop, so that reads are served whatever the imports cost. An import is admitted only while a thread is free; one
 * more is refused at once (429 with Retry-After), never queued.
 */
@Singleton
public class ImportPool {

    private final Semaphore free;
    private final ExecutorService threads;
    private final Duration retryAfter;

    public ImportPool(ImportSettings settings) {
        this.free = new Semaphore(settings.concurrency());
        this.retryAfter = settings.retryAfter();
        AtomicInteger number = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(settings.concurrency(), work -> {
            Thread thread = new Thread(work, "import-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs the work on an import thread; refused at once ({@link #busy()}) when every thread is taken. */
    public <T> CompletableFuture<T> submit(Supplier<T> work) {
        if (!free.tryAcquire()) {
            throw busy();
        }
        try {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return work.get();
                } finally {
                    free.release();
                }
            }, threads);
        } catch (RuntimeException e) {
            free.release();
            throw e;
        }
    }

    /** Whether an import would be admitted now (a hint: {@link #submit} decides). */
    public boolean hasRoom() {
        return free.availablePermits() > 0;
    }

    /** The refusal {@link #submit} throws, for other queues of import work to answer alike. */
    public ProblemException busy() {
        return ProblemException.tryAgainLater(HttpStatus.TOO_MANY_REQUESTS, "Every import slot is taken; try again "
                + "after the seconds in Retry-After.", retryAfter);
    }

    /** As {@link #submit}, waiting for the result: for a caller already off the event loop (a blocking thread). */
    public <T> T run(Supplier<T> work) {
        CompletableFuture<T> result = submit(work);
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while an import ran", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new CompletionException(e.getCause());
        }
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}

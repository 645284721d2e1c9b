package org.careergraph.catalog.release;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.careergraph.catalog.ImportPool;
import org.careergraph.catalog.release.ImportLog.Entry;
import org.careergraph.catalog.release.ImportLog.Outcome;
import org.careergraph.catalog.release.ImportLog.Status;
import org.careergraph.catalog.release.ReleaseStore.StoredRelease;
import org.careergraph.platform.outbox.EventTooLargeException;
import org.careergraph.platform.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs release imports in the background (or, on a first start, in the caller's thread), one at a time across every
 * replica ({@link ImportLock}), each all or nothing, with progress anyone asking can see
 * (count, rate, time left) and that the log shows every two seconds. A release older than the one in force in its
 * series is refused before anything is stored.
 */
@Singleton
public class ReleaseImports {

    private static final Logger LOG = LoggerFactory.getLogger(ReleaseImports.class);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(2);
    /** Imports run one at a time; past this many queued or running, another is refused (429), not queued. */
    static final int MOST_QUEUED = 3;

    private final ReleaseApplier applier;
    private final ReleaseStore store;
    private final ImportLog log;
    private final ImportLock lock;
    private final ImportPool pool;
    private final Classifications classifications;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "release-import");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Tracker> running = new ConcurrentHashMap<>();

    ReleaseImports(ReleaseApplier applier, ReleaseStore store, ImportLog log, ImportLock lock, ImportPool pool,
                   Classifications classifications, Clock clock) {
        this.pool = pool;
        this.applier = applier;
        this.store = store;
        this.log = log;
        this.lock = lock;
        this.classifications = classifications;
        this.clock = clock;
    }

    /** An import as its requester sees it: the trail's entry with, while it runs, its rate and time left. */
    @Serdeable
    public record View(@JsonUnwrapped Entry entry, @Nullable Double perSecond, @Nullable Long secondsLeft) {
    }

    /** Queues the releases' import and answers at once; {@link #find} follows it. */
    public synchronized View submit(List<ParsedRelease> releases, String by) {
        if (running.size() >= MOST_QUEUED) {
            throw pool.busy();
        }
        Tracker tracker = queue(releases, by);
        worker.submit(() -> run(releases, by, tracker));
        return find(tracker.id).orElseThrow();
    }

    /** Imports at once, in the caller's thread (the first start of a local run waits for it). */
    public Entry runNow(List<ParsedRelease> releases, String by) {
        Tracker tracker = queue(releases, by);
        run(releases, by, tracker);
        return log.find(tracker.id).orElseThrow();
    }

    /** On the trail from the moment it is asked for; refused, and not on it, when older than a release in force. */
    private Tracker queue(List<ParsedRelease> releases, String by) {
        refuseOlder(releases);
        Tracker tracker = new Tracker(UUID.randomUUID().toString());
        log.queued(tracker.id, releases, by, clock.instant());
        running.put(tracker.id, tracker);
        return tracker;
    }

    public Optional<View> find(String id) {
        Tracker tracker = running.get(id);
        return log.find(id).map(entry -> tracker == null ? new View(entry, null, null) : tracker.view(entry));
    }

    public List<Entry> latest(int limit) {
        return log.latest(limit);
    }

    private void refuseOlder(List<ParsedRelease> releases) {
        Map<Series, StoredRelease> inForce = store.inForce();
        for (ParsedRelease release : releases) {
            StoredRelease held = inForce.get(release.series());
            if (held != null && release.releasedOn().isBefore(held.releasedOn())) {
                throw new ProblemException(HttpStatus.CONFLICT, release.name() + " (" + release.releasedOn()
                        + ") is older than the release in force, " + held.name() + " (" + held.releasedOn()
                        + "): nothing was changed.", List.of());
            }
        }
    }

    private void run(List<ParsedRelease> releases, String by, Tracker tracker) {
        String id = tracker.id;
        try {
            Outcome outcome = lock.holding(() -> {
                log.progress(id, Status.RUNNING, 0, 0);
                try {
                    return applier.apply(releases, by, tracker);
                } finally {
                    classifications.importEnded();
                }
            });
            log.finished(id, Status.APPLIED, tracker.total, tracker.done.get(), outcome, clock.instant());
            LOG.info("Release import {}: {} ({} s)", id, outcome.message(),
                    Duration.between(tracker.started, clock.instant()).toSeconds());
        } catch (RuntimeException e) {
            LOG.error("Release import {} failed; nothing was stored", id, e);
            // What failed is in the log; the trail, which editors read, says no more than that it did.
            String why = e instanceof ProblemException || e instanceof EventTooLargeException ? ": " + e.getMessage()
                    : " (see the log)";
            log.finished(id, Status.FAILED, tracker.total, tracker.done.get(), new Outcome(0, 0, 0, 0,
                    "Failed, nothing was stored" + why), clock.instant());
        } finally {
            running.remove(id);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** Counts an import's progress, and reports it to the log and the trail every two seconds. */
    private final class Tracker implements ReleaseApplier.Progress {
        private final String id;
        private final Instant started = clock.instant();
        private final AtomicInteger done = new AtomicInteger();
        private volatile int total;
        private Instant reported = started;

        Tracker(String id) {
            this.id = id;
        }

        @Override
        public void started(int total) {
            this.total = total;
            LOG.info("Release import {}: {} occupations to check", id, total);
        }

        @Override
        public void done(int count) {
            done.set(count);
            Instant now = clock.instant();
            if (now.isAfter(reported.plus(REPORT_EVERY)) || count == total) {
                reported = now;
                View view = view(null);
                LOG.info("Release import {}: {}/{} occupations, {}/s, about {} s left", id, count, total,
                        view.perSecond() == null ? "-" : Math.round(view.perSecond()),
                        view.secondsLeft() == null ? "-" : view.secondsLeft());
                log.progress(id, Status.RUNNING, total, count);
            }
        }

        View view(Entry entry) {
            double seconds = Duration.between(started, clock.instant()).toMillis() / 1000.0;
            int count = done.get();
            Double rate = count == 0 || seconds <= 0 ? null : count / seconds;
            Long left = rate == null ? null : Math.round((total - count) / rate);
            Entry live = entry == null ? null : new Entry(entry.id(), entry.releases(), entry.status(),
                    entry.files(), entry.requestedBy(), entry.requestedAt(), entry.finishedAt(), total, count,
                    entry.outcome());
            return new View(live, rate, left);
        }
    }
}

package org.careergraph.scoring.rescore;

import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.careergraph.events.EventType;
import org.careergraph.scoring.input.ScoringInput;
import org.careergraph.scoring.input.ScoringInputRepository;
import org.careergraph.scoring.model.ModelVersion;
import org.careergraph.scoring.model.Models;
import org.careergraph.scoring.rescore.RescoreJob.State;
import org.careergraph.scoring.score.Cause;
import org.careergraph.scoring.score.Scorer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs re-score jobs in the background: claims the oldest unfinished one no live instance holds, then scores the
 * catalog a batch at a time, each batch one transaction that locks its inputs (so events about those occupations wait
 * rather than race) and moves the job's cursor. A job whose model is no longer in force stops as superseded.
 */
@Singleton
public class Rescorer {

    private static final Logger LOG = LoggerFactory.getLogger(Rescorer.class);
    private static final String START = "";
    private static final Duration REPORT_EVERY = Duration.ofSeconds(2);

    private final RescoreJobRepository jobs;
    private final ScoringInputRepository inputs;
    private final Scorer scorer;
    private final Models models;
    private final TransactionOperations<Connection> transactions;
    private final ExecutorService executor;
    private final int batchSize;
    private final Duration lease;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();

    Rescorer(RescoreJobRepository jobs, ScoringInputRepository inputs, Scorer scorer, Models models,
             TransactionOperations<Connection> transactions, @Named(TaskExecutors.BLOCKING) ExecutorService executor,
             RescoreSettings settings, Clock clock) {
        this.jobs = jobs;
        this.inputs = inputs;
        this.scorer = scorer;
        this.models = models;
        this.transactions = transactions;
        this.executor = executor;
        this.batchSize = settings.batchSize();
        this.lease = settings.lease();
        this.clock = clock;
    }

    /** Starts on the jobs now rather than at the next poll. */
    public void trigger() {
        executor.execute(this::runPending);
    }

    /** Also picks up jobs another instance left behind when it stopped. */
    @Scheduled(fixedDelay = "${careergraph.scoring.rescore.poll-interval:5s}", initialDelay = "2s")
    void runPending() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            for (Optional<RescoreJob> job = claim(); job.isPresent(); job = claim()) {
                run(job.get());
            }
        } catch (RuntimeException e) {
            LOG.warn("Re-scoring stopped; the next poll takes it up again", e);
        } finally {
            running.set(false);
        }
    }

    /** Runs a job (public for the benchmark) to the end. */
    public RescoreJob run(RescoreJob claimed) {
        RescoreJob job = claimed;
        Instant reported = now();
        while (!job.finished()) {
            long id = job.id();
            job = transactions.executeWrite(status -> step(id));
            if (now().isAfter(reported.plus(REPORT_EVERY)) && !job.finished()) {
                reported = now();
                LOG.info("Re-score job {} for model {}: {}", job.id(), job.modelVersion(),
                        RescoreProgress.of(job, reported).line());
            }
        }
        LOG.info("Re-score job {} for model {} {}: {}, {} changed", job.id(), job.modelVersion(), job.state(),
                RescoreProgress.of(job, now()).line(), job.changed());
        return job;
    }

    /**
     * Scores the catalog under {@code model} in the job's batches and order, without locking or storing anything,
     * handing each occupation's new score beside its stored one to {@code each}. Read-only, so that a preview cannot
     * write even by mistake.
     */
    public void dryRun(ModelVersion model, Consumer<Scorer.Rescored> each) {
        transactions.executeRead(status -> {
            List<ScoringInput> batch;
            for (String after = START; !(batch = inputs.findBatchAfter(after, batchSize)).isEmpty();
                    after = batch.getLast().occupationId()) {
                scorer.score(batch, model).forEach(each);
            }
            return null;
        });
    }

    /** Claims the oldest job no live instance holds, if any, for one lease. */
    public Optional<RescoreJob> claim() {
        return transactions.executeWrite(status -> jobs.lockClaimable(now()).map(job -> jobs.update(
                job.claimed(now().plus(lease), now(), (int) inputs.countRated()))));
    }

    private RescoreJob step(long jobId) {
        RescoreJob job = jobs.lock(jobId).orElseThrow();
        if (job.finished()) {
            return job;
        }
        ModelVersion active = models.active();
        if (active.version() != job.modelVersion()) {
            return jobs.update(job.ended(State.SUPERSEDED, now()));
        }
        List<ScoringInput> batch = inputs.lockBatchAfter(job.doneUpTo() == null ? START : job.doneUpTo(), batchSize);
        if (batch.isEmpty()) {
            return jobs.update(job.ended(State.DONE, now()));
        }
        int changed = scorer.rescore(batch, active, cause(job));
        return jobs.update(job.advanced(batch.getLast().occupationId(), batch.size(), changed, now().plus(lease)));
    }

    private static Cause cause(RescoreJob job) {
        return new Cause(job.reason(), job.causeEventId(), EventType.SCORING_MODEL_CHANGED.type());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

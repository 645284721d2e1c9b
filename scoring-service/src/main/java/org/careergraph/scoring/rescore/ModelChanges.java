package org.careergraph.scoring.rescore;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.careergraph.events.FieldChange;
import org.careergraph.scoring.input.ScoringInputRepository;
import org.careergraph.scoring.model.ModelVersion;
import org.careergraph.scoring.model.Models;
import org.careergraph.scoring.model.ScoringModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a new model in force and queues the job that re-scores the catalog under it, in one transaction; or tells
 * what that would do, storing nothing.
 */
@Singleton
class ModelChanges {

    private static final Logger LOG = LoggerFactory.getLogger(ModelChanges.class);

    private final Models models;
    private final RescoreJobRepository jobs;
    private final Rescorer rescorer;
    private final Clock clock;

    ModelChanges(Models models, RescoreJobRepository jobs, Rescorer rescorer, Clock clock) {
        this.models = models;
        this.jobs = jobs;
        this.rescorer = rescorer;
        this.clock = clock;
    }

    /**
     * On start, after storing the shipped model 1 where nothing is stored: a catalog scored under the shipped formula 1
     * moves to the shipped model 2 as an admin's change would, re-scored in the background. Replicas starting
     * together are safe: the second finds model 2 in force and changes nothing.
     */
    @EventListener
    @Transactional
    void moveToShippedModel(StartupEvent event) {
        models.storeShipped();
        if (models.shippedModelDue()) {
            put(ScoringModel.MODEL_2, Models.MODEL_2_NOTE, Models.SHIPPED_BY)
                    .ifPresent(job -> LOG.info("Moving to scoring model {}: re-score job {} queued", job.modelVersion(),
                            job.id()));
        }
    }

    /** @return the queued job, or empty when the model is the one in force already */
    @Transactional
    Optional<RescoreJob> put(ScoringModel model, @Nullable String note, String admin) {
        return models.put(model, note, admin).map(change -> jobs.save(RescoreJob.queued(change.after().version(),
                change.eventId(), change.reason(), clock.instant().truncatedTo(ChronoUnit.MILLIS))));
    }

    /**
     * The stored scores beside what the catalog would score under {@code model} as the next version: one read-only
     * transaction, so one snapshot of the inputs and scores and no write can slip in.
     */
    @Transactional(readOnly = true)
    ModelPreview preview(ScoringModel model, @Nullable String note, String admin) {
        ModelVersion current = models.active();
        List<FieldChange> changes = Models.differences(current.model(), model);
        ModelPreview.Tally tally = new ModelPreview.Tally();
        // The model in force is computed too: its `changed` counts the stored scores a fresh computation would move,
        // 0 unless a change was missed (an operator's consistency check, docs/reliability.md).
        rescorer.dryRun(changes.isEmpty() ? current
                : new ModelVersion(current.version() + 1, model, note, admin, clock.instant()), tally::add);
        return tally.preview(current.version(), changes);
    }

    Optional<RescoreJob> latest() {
        return jobs.findLatest();
    }

    Optional<RescoreJob> find(long id) {
        return jobs.findById(id);
    }
}

package org.careergraph.scoring.rescore;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.careergraph.scoring.model.Models;
import org.careergraph.scoring.model.ScoringModel;

/** Puts a new model in force and queues the job that re-scores the catalog under it, in one transaction. */
@Singleton
class ModelChanges {

    private final Models models;
    private final RescoreJobRepository jobs;

    ModelChanges(Models models, RescoreJobRepository jobs) {
        this.models = models;
        this.jobs = jobs;
    }

    /** @return the queued job, or empty when the model is the one in force already */
    @Transactional
    Optional<RescoreJob> put(ScoringModel model, @Nullable String note, String admin) {
        return models.put(model, note, admin).map(change -> jobs.save(RescoreJob.queued(change.after().version(),
                change.eventId(), change.reason(), Instant.now().truncatedTo(ChronoUnit.MILLIS))));
    }

    Optional<RescoreJob> latest() {
        return jobs.findLatest();
    }

    Optional<RescoreJob> find(long id) {
        return jobs.findById(id);
    }
}

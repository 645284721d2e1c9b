package org.careergraph.scoring.rescore;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import org.careergraph.scoring.rescore.RescoreJob.State;

/** How far a re-score job got: occupations scored of the total, and how many of their scores changed. */
@Serdeable
public record RescoreProgress(long id, int modelVersion, State state, @Nullable Integer total, int scored,
                              int changed, Instant requestedAt, @Nullable Instant startedAt,
                              @Nullable Instant finishedAt) {

    static RescoreProgress of(RescoreJob job) {
        return new RescoreProgress(job.id(), job.modelVersion(), job.state(), job.total(), job.scored(), job.changed(),
                job.requestedAt(), job.startedAt(), job.finishedAt());
    }
}

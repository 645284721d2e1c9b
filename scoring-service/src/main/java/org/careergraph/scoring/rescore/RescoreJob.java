package org.careergraph.scoring.rescore;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * Re-scoring the whole catalog under a new model, in batches in occupation id order. {@code doneUpTo} is the last id
 * done, so that a job picks up where it stopped; {@code claimedUntil} is the lease of the instance running it, so
 * that another takes over if that one dies.
 */
@MappedEntity("rescore_job")
public record RescoreJob(
        @Id @GeneratedValue @Nullable Long id,
        int modelVersion,
        String causeEventId,
        String reason,
        State state,
        @Nullable Integer total,
        int scored,
        int changed,
        @Nullable String doneUpTo,
        @Nullable Instant claimedUntil,
        Instant requestedAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt) {

    public enum State {
        /** Waiting for an instance to run it. */
        QUEUED,
        RUNNING,
        DONE,
        /** A newer model was put in force before it finished: that model's job re-scores everything. */
        SUPERSEDED
    }

    static RescoreJob queued(int modelVersion, String causeEventId, String reason, Instant at) {
        return new RescoreJob(null, modelVersion, causeEventId, reason, State.QUEUED, null, 0, 0, null, null, at, null,
                null);
    }

    RescoreJob claimed(Instant until, Instant now, int total) {
        return new RescoreJob(id, modelVersion, causeEventId, reason, State.RUNNING,
                this.total == null ? total : this.total, scored, changed, doneUpTo, until,
                requestedAt, startedAt == null ? now : startedAt, null);
    }

    RescoreJob advanced(String lastId, int batch, int batchChanged, Instant until) {
        return new RescoreJob(id, modelVersion, causeEventId, reason, state, total, scored + batch,
                changed + batchChanged, lastId, until, requestedAt, startedAt, null);
    }

    RescoreJob ended(State end, Instant at) {
        return new RescoreJob(id, modelVersion, causeEventId, reason, end, total, scored, changed, doneUpTo, null,
                requestedAt, startedAt, at);
    }

    boolean finished() {
        return state == State.DONE || state == State.SUPERSEDED;
    }
}

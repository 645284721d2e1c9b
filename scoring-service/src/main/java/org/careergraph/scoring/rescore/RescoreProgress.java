package org.careergraph.scoring.rescore;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Duration;
import java.time.Instant;
import org.careergraph.scoring.rescore.RescoreJob.State;

/**
 * How far a re-score job got: occupations scored of the total, how many of their scores changed, and while it runs
 * its rate (occupations a second since it started) and the time left at that rate.
 */
@Serdeable
public record RescoreProgress(long id, int modelVersion, State state, @Nullable Integer total, int scored,
                              int changed, @Nullable Double perSecond, @Nullable Long secondsLeft,
                              Instant requestedAt, @Nullable Instant startedAt, @Nullable Instant finishedAt) {

    static RescoreProgress of(RescoreJob job, Instant now) {
        Instant until = job.finishedAt() == null ? now : job.finishedAt();
        double seconds = job.startedAt() == null ? 0 : Duration.between(job.startedAt(), until).toMillis() / 1000.0;
        Double rate = job.scored() == 0 || seconds <= 0 ? null : job.scored() / seconds;
        Long left = job.finished() ? Long.valueOf(0) : rate == null || job.total() == null ? null
                : Math.round(Math.max(0, job.total() - job.scored()) / rate);
        return new RescoreProgress(job.id(), job.modelVersion(), job.state(), job.total(), job.scored(), job.changed(),
                rate == null ? null : Math.round(rate * 10) / 10.0, left, job.requestedAt(), job.startedAt(),
                job.finishedAt());
    }

    /** For the log: "500/2039 occupations, 812/s, about 2 s left". */
    String line() {
        return scored + "/" + (total == null ? "?" : total) + " occupations, " + (perSecond == null ? "-"
                : Math.round(perSecond)) + "/s, about " + (secondsLeft == null ? "-" : secondsLeft) + " s left";
    }
}

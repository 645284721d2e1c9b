package org.careergraph.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A recomputation changed an occupation's score; {@code before} is null for the first score. */
@Serdeable
public record ScoreChanged(
        String occupationId,
        String modelVersion,
        @Nullable Score before,
        Score after,
        String reason,
        String causeEventId,
        String causeEventType) implements EventPayload {

    @Override
    public String aggregateId() {
        return occupationId;
    }
}

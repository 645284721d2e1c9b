package org.careergraph.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * An admin put a new scoring model in force: every occupation is re-scored under it, and each score that moves says
 * this event was the cause.
 *
 * @param version         the new model's version
 * @param previousVersion the version it replaced (null for the first)
 * @param changes         what differs from the previous model, as paths in its JSON ("/weights/income")
 */
@Serdeable
public record ScoringModelChanged(
        String version,
        @Nullable String previousVersion,
        @Nullable String note,
        List<FieldChange> changes,
        String changedBy,
        Instant changedAt) implements EventPayload {

    /** One model is in force at a time, so its events share a key and stay in order. */
    public static final String AGGREGATE_ID = "scoring-model";

    @Override
    public String aggregateId() {
        return AGGREGATE_ID;
    }
}

package org.careergraph.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A recomputation changed an occupation's score; {@code before} is null for the first score.
 *
 * @param inputChanges the published figures behind the move, before and after, by their path in
 *                     {@link OccupationFacts} ("/published/medianWage", "/published/wageRelease"); empty when the
 *                     cause was no change of figures (a model change, a new status). Added within v1.
 */
@Serdeable
public record ScoreChanged(
        String occupationId,
        String modelVersion,
        @Nullable Score before,
        Score after,
        String reason,
        String causeEventId,
        String causeEventType,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable List<FieldChange> inputChanges) implements EventPayload {

    @Creator // the canonical constructor binds JSON, not the shorter one below
    public ScoreChanged {
        inputChanges = inputChanges == null ? List.of() : List.copyOf(inputChanges);
    }

    public ScoreChanged(String occupationId, String modelVersion, @Nullable Score before, Score after, String reason,
                        String causeEventId, String causeEventType) {
        this(occupationId, modelVersion, before, after, reason, causeEventId, causeEventType, List.of());
    }

    @Override
    public String aggregateId() {
        return occupationId;
    }
}

package org.careergraph.events;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** A career page was created or edited: its facts now, and what changed in this revision. */
@Serdeable
public record OccupationChanged(
        String occupationId,
        int revision,
        ChangeKind kind,
        OccupationFacts occupation,
        List<FieldChange> changes,
        String changedBy,
        Instant changedAt) implements EventPayload, Revisioned {

    public enum ChangeKind { CREATED, UPDATED }

    @Override
    public String aggregateId() {
        return occupationId;
    }
}

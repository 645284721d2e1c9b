package org.careergraph.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An admin recorded a policy update: announced rule changes that take effect on {@code effectiveFrom}. */
@Serdeable
public record PolicyUpdated(
        String policyUpdateId,
        String country,
        LocalDate effectiveFrom,
        String source,
        @Nullable String note,
        List<RuleChange> changes,
        String recordedBy,
        Instant recordedAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return policyUpdateId;
    }
}

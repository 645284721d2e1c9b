package org.careergraph.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;

/** An occupation's immigration status changed, from a date, because of a policy update (or a catalog change). */
@Serdeable
public record ImmigrationStatusChanged(
        String occupationId,
        String country,
        LocalDate effectiveFrom,
        ImmigrationStatus before,
        ImmigrationStatus after,
        @Nullable String policyUpdateId,
        @Nullable String source,
        String reason) implements EventPayload {

    @Override
    public String aggregateId() {
        return occupationId;
    }
}

package org.careergraph.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;

/**
 * An occupation's immigration status changed, from a date, because of a policy update (or a catalog change). {@code
 * reason} says what changed in English, {@code reasonZh} in Traditional Chinese (added within v1).
 */
@Serdeable
public record ImmigrationStatusChanged(
        String occupationId,
        String country,
        LocalDate effectiveFrom,
        ImmigrationStatus before,
        ImmigrationStatus after,
        @Nullable String policyUpdateId,
        @Nullable String source,
        String reason,
        @Nullable String reasonZh) implements EventPayload {

    public ImmigrationStatusChanged(String occupationId, String country, LocalDate effectiveFrom,
                                    ImmigrationStatus before, ImmigrationStatus after, @Nullable String policyUpdateId,
                                    @Nullable String source, String reason) {
        this(occupationId, country, effectiveFrom, before, after, policyUpdateId, source, reason, null);
    }

    @Override
    public String aggregateId() {
        return occupationId;
    }
}

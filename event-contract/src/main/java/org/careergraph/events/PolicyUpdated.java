package org.careergraph.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An admin recorded a policy update: announced rule changes that take effect on {@code effectiveFrom}. Published
 * again, with {@code withdrawnAt} and {@code withdrawnBy} set (added within v1), when the update is withdrawn before
 * its date: its changes will not take effect.
 */
@Serdeable
public record PolicyUpdated(
        String policyUpdateId,
        String country,
        LocalDate effectiveFrom,
        String source,
        @Nullable String note,
        List<RuleChange> changes,
        String recordedBy,
        Instant recordedAt,
        @Nullable Instant withdrawnAt,
        @Nullable String withdrawnBy) implements EventPayload {

    public PolicyUpdated(String policyUpdateId, String country, LocalDate effectiveFrom, String source,
                         @Nullable String note, List<RuleChange> changes, String recordedBy, Instant recordedAt) {
        this(policyUpdateId, country, effectiveFrom, source, note, changes, recordedBy, recordedAt, null, null);
    }

    public boolean withdrawn() {
        return withdrawnAt != null;
    }

    @Override
    public String aggregateId() {
        return policyUpdateId;
    }
}

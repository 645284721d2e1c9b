package org.careergraph.immigration.rules;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An announcement an admin recorded: where it comes from, who recorded it when, the date its rules take effect, and
 * when they did ({@code appliedAt}, null while the date is still to come), or who withdrew it before then and why.
 */
@MappedEntity("policy_update")
public record PolicyUpdate(
        @Id String id,
        String country,
        LocalDate effectiveFrom,
        String source,
        @Nullable String note,
        String recordedBy,
        Instant recordedAt,
        @Nullable Instant appliedAt,
        @Nullable Instant withdrawnAt,
        @Nullable String withdrawnBy,
        @Nullable String withdrawalReason) {

    /** Who records the initial rule set, in the audit trail. */
    public static final String INITIAL_RULE_SET = "initial-rule-set";

    public PolicyUpdate applied(Instant at) {
        return new PolicyUpdate(id, country, effectiveFrom, source, note, recordedBy, recordedAt, at, null, null, null);
    }

    public PolicyUpdate withdrawn(Instant at, String by, @Nullable String reason) {
        return new PolicyUpdate(id, country, effectiveFrom, source, note, recordedBy, recordedAt, null, at, by, reason);
    }
}

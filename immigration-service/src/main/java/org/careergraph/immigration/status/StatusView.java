package org.careergraph.immigration.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;

/**
 * An occupation's immigration status in a country on a date. {@code since} and {@code policyUpdateId} name the rule
 * that put it at its tier (null when no rule ever named it); {@code announced}: that rule is not in force yet.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record StatusView(
        String occupationId,
        String country,
        LocalDate at,
        @Nullable Integer greenListTier,
        @Nullable LocalDate since,
        @Nullable String policyUpdateId,
        @Nullable String source,
        boolean announced,
        Explanation explanation) {
}

package org.careergraph.immigration.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import org.careergraph.events.ImmigrationStatus;
import org.careergraph.immigration.rules.Explanation;

/**
 * An occupation's immigration status in a country on a date. {@code greenListTier}, {@code since}, {@code
 * policyUpdateId} and {@code source} are its Green List standing and the update that set it; {@code announced}: some
 * rule behind the status is not in force yet (a date to come). {@code status} is what events carry, {@code routes}
 * each route explained with its rules, {@code explanation} all of it in one text per language.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record StatusView(
        String occupationId,
        String code,
        String country,
        LocalDate at,
        @Nullable Integer greenListTier,
        @Nullable LocalDate since,
        @Nullable String policyUpdateId,
        @Nullable String source,
        boolean announced,
        ImmigrationStatus status,
        List<Route> routes,
        Explanation explanation) {
}

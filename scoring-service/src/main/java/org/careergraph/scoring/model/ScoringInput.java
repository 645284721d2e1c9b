package org.careergraph.scoring.model;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Everything the model reads about one occupation. {@code factsKnown} is false while only immigration news has
 * arrived: there is nothing to rate before the catalog has spoken.
 */
@MappedEntity("scoring_input")
public record ScoringInput(
        @Id String occupationId,
        @Nullable String titleEn,
        @Nullable String currency,
        @Nullable BigDecimal midSalary,
        boolean factsKnown,
        @Nullable Integer greenListTier,
        Instant updatedAt) {

    public ScoringInput touched(Instant at) {
        return new ScoringInput(occupationId, titleEn, currency, midSalary, factsKnown, greenListTier, at);
    }
}

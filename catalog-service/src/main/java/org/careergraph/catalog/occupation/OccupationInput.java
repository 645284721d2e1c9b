package org.careergraph.catalog.occupation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.careergraph.catalog.page.CareerPage;

/**
 * An occupation as a client writes it: the career page, and beside it the skill level (ANZSCO 1-5) and the
 * editorial ratings. Fields are nullable here so that validation, not JSON binding, names every missing field; a
 * field this API does not know is refused rather than silently dropped.
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
public record OccupationInput(
        @NotNull @Valid @Nullable CareerPage page,
        @Min(1) @Max(5) @Nullable Integer skillLevel,
        @Valid @Nullable EditorialInput editorial) {

    /** Editorial ratings, 0-10; a rating left out is left as it was (on create: not set). */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record EditorialInput(
            @Min(0) @Max(10) @Nullable Integer demandOutlook,
            @Min(0) @Max(10) @Nullable Integer competition) {
    }
}

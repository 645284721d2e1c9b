package org.careergraph.immigration.policy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * A policy update as an admin writes it. Every field is nullable here so that validation, not JSON binding, reports
 * all missing fields at once, field by field. {@code effectiveFrom} defaults to today in the country.
 */
@Serdeable
public record PolicyUpdateRequest(
        @NotBlank @Nullable String country,
        @Nullable LocalDate effectiveFrom,
        @NotBlank @Size(max = 500) @Nullable String source,
        @Size(max = 2000) @Nullable String note,
        @NotEmpty @Size(max = 500) @Nullable List<@NotNull @Valid Change> changes) {

    /** One rule to set; a null value removes it (for the Green List: takes the occupation off the list). */
    @Serdeable
    public record Change(
            @NotBlank @Nullable String kind,
            @NotBlank @Nullable String codeSystem,
            @NotBlank @Size(max = 16) @Nullable String code,
            @Size(max = 64) @Nullable String value) {
    }
}

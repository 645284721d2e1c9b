package org.careergraph.catalog.occupation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.careergraph.events.SalaryBand;

/**
 * An occupation as a client writes it. Every field is nullable here so that validation, not JSON binding, reports
 * all missing fields at once, field by field.
 */
@Serdeable
public record OccupationInput(
        @NotBlank @Size(max = 200) @Nullable String titleZh,
        @NotBlank @Size(max = 200) @Nullable String titleEn,
        @NotBlank @Nullable String codeSystem,
        @NotBlank @Size(max = 16) @Nullable String code,
        @Min(1) @Max(5) @Nullable Integer skillLevel,
        @NotNull @Size(max = 20) @Nullable List<@NotNull @Valid Band> salaryBands) {

    /** Yearly pay for one experience level. */
    @Serdeable
    public record Band(
            @NotBlank @Size(max = 64) @Nullable String level,
            @NotNull @PositiveOrZero @Nullable BigDecimal min,
            @NotNull @PositiveOrZero @Nullable BigDecimal max,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as NZD")
            @Nullable String currency,
            @Size(max = 500) @Nullable String note) {

        SalaryBand toSalaryBand() {
            return new SalaryBand(level.trim(), min, max, currency, note);
        }
    }
}

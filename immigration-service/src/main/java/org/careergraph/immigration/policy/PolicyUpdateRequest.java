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
import org.careergraph.platform.web.OneLine;

/**
 * A policy update as an admin writes it. Every field is nullable here so that validation, not JSON binding, reports
 * all missing fields at once, field by field. {@code effectiveFrom} defaults to today in the country.
 */
@Serdeable
public record PolicyUpdateRequest(
        @NotBlank @Nullable @OneLine String country,
        @Nullable LocalDate effectiveFrom,
        @NotBlank @Size(max = 500) @Nullable @OneLine String source,
        @Size(max = 2000) @Nullable String note,
        @NotEmpty @Size(max = 500) @Nullable List<@NotNull @Valid Change> changes) {

    /**
     * One rule to set: about an occupation ({@code codeSystem}, {@code code}) or a setting ({@code key} when the kind
     * has keys). A null value removes the rule from the date; {@code effectiveTo} (inclusive) ends it on a day.
     */
    @Serdeable
    @OneLine
    public record Change(
            @NotBlank @Nullable String kind,
            @Size(max = 16) @Nullable String codeSystem,
            @Size(max = 16) @Nullable String code,
            @Size(max = 32) @Nullable String key,
            @Size(max = 200) @Nullable String value,
            @Nullable LocalDate effectiveTo) {

        /** A change about one occupation, in force until replaced. */
        public Change(@Nullable String kind, @Nullable String codeSystem, @Nullable String code,
                      @Nullable String value) {
            this(kind, codeSystem, code, null, value, null);
        }
    }
}

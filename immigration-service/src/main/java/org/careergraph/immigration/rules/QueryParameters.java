package org.careergraph.immigration.rules;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.careergraph.platform.web.ProblemException;

/** The {@code country} and {@code at} query parameters the read endpoints share; a bad one is a 400 naming it. */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static @Nullable Country country(@Nullable String country) {
        return country == null ? null : Country.parse(country)
                .orElseThrow(() -> ProblemException.badParameter("country", "must be one of "
                        + List.of(Country.values())));
    }

    public static @Nullable LocalDate date(@Nullable String at) {
        try {
            return at == null ? null : LocalDate.parse(at.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter("at", "must be a date as YYYY-MM-DD");
        }
    }
}

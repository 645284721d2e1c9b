package org.careergraph.immigration.status;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.careergraph.immigration.policy.Country;
import org.careergraph.platform.web.Problem.FieldError;
import org.careergraph.platform.web.ProblemException;

/** Public: what the rules say about an occupation, today or on any date. */
@Controller("/api/immigration/occupations")
@Secured(SecurityRule.IS_ANONYMOUS)
class StatusController {

    private final StatusService statuses;

    StatusController(StatusService statuses) {
        this.statuses = statuses;
    }

    /** {@code at} defaults to today in the country, {@code country} to NZ. */
    @Get("/{id}/status")
    StatusView status(@PathVariable String id, @QueryValue @Nullable String at,
                      @QueryValue @Nullable String country) {
        Country chosen = country == null ? Country.NZ : Country.parse(country)
                .orElseThrow(() -> badRequest("country", "must be one of " + List.of(Country.values())));
        LocalDate date = at == null ? null : parseDate(at);
        return statuses.statusOn(id, chosen, date)
                .orElseThrow(() -> ProblemException.notFound("No occupation " + id + " is known."));
    }

    private static LocalDate parseDate(String at) {
        try {
            return LocalDate.parse(at.trim());
        } catch (DateTimeParseException e) {
            throw badRequest("at", "must be a date as YYYY-MM-DD");
        }
    }

    private static ProblemException badRequest(String field, String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "The request has invalid fields.",
                List.of(new FieldError(field, message)));
    }
}

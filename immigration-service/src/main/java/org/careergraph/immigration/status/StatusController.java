package org.careergraph.immigration.status;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.careergraph.immigration.rules.QueryParameters;
import org.careergraph.platform.web.ProblemException;

/** Public: what the rules say about an occupation, today or on any date. */
@Controller("/api/immigration/occupations")
@Secured(SecurityRule.IS_ANONYMOUS)
class StatusController {

    private final StatusService statuses;

    StatusController(StatusService statuses) {
        this.statuses = statuses;
    }

    /** {@code at} defaults to today in the country; {@code country} to the one whose rules use the occupation's code. */
    @Get("/{id}/status")
    StatusView status(@PathVariable String id, @QueryValue @Nullable String at,
                      @QueryValue @Nullable String country) {
        return statuses.statusOn(id, QueryParameters.country(country), QueryParameters.date(at))
                .orElseThrow(() -> ProblemException.notFound("No occupation " + id + " is known."));
    }
}

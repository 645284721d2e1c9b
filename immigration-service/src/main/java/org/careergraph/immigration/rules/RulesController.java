package org.careergraph.immigration.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Public: the rules of a country in force on a date (today by default), each with its dates, source and update; for
 * a date to come, announced rules count and say so. {@code upcoming}: announced rules that start after the date.
 */
@Controller("/api/immigration/rules")
@Secured(SecurityRule.IS_ANONYMOUS)
class RulesController {

    private final RuleBooks books;
    private final Clock clock;

    RulesController(RuleBooks books, Clock clock) {
        this.books = books;
        this.clock = clock;
    }

    @Get
    RulesView rules(@QueryValue @Nullable String country, @QueryValue @Nullable String at) {
        Country chosen = QueryParameters.country(country);
        Country shown = chosen == null ? Country.NZ : chosen;
        LocalDate date = QueryParameters.date(at);
        LocalDate on = date == null ? shown.today(clock) : date;
        RuleBook book = books.withAnnounced(shown);
        List<Rule> upcoming = book.rules().stream().filter(r -> r.announced() && r.effectiveFrom().isAfter(on))
                .toList();
        return new RulesView(shown.name(), on, book.on(on).all(), upcoming);
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record RulesView(String country, LocalDate at, List<Rule> rules, List<Rule> upcoming) {
    }
}

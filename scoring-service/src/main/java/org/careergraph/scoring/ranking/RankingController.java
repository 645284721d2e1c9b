package org.careergraph.scoring.ranking;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.careergraph.events.CodeSystem;
import org.careergraph.platform.web.ProblemException;
import org.careergraph.scoring.model.Dimension;

/** The best-rated occupations on a dimension (or overall), of one code system or all. */
@Controller("/api/rankings")
@Secured(SecurityRule.IS_ANONYMOUS)
class RankingController {

    static final String OVERALL = "overall";

    private final Rankings rankings;

    RankingController(Rankings rankings) {
        this.rankings = rankings;
    }

    /** Highest first; ties in occupation id order; archived occupations and those not rated on it are left out. */
    @Get
    Ranking rank(@QueryValue(defaultValue = OVERALL) String dimension, @QueryValue @Nullable String codeSystem,
                 @QueryValue(defaultValue = "10") @Min(1) @Max(100) int limit) {
        Dimension rankedBy = null;
        if (!OVERALL.equalsIgnoreCase(dimension.trim())) {
            rankedBy = Dimension.parse(dimension).orElseThrow(() -> ProblemException.badParameter("dimension",
                    "must be " + OVERALL + " or one of " + Arrays.stream(Dimension.values()).map(Dimension::key)
                            .toList()));
        }
        CodeSystem system = null;
        if (codeSystem != null && !codeSystem.isBlank()) {
            system = CodeSystem.parse(codeSystem).orElseThrow(() -> ProblemException.badParameter("codeSystem",
                    "must be one of " + List.of(CodeSystem.values())));
        }
        String name = rankedBy == null ? OVERALL : rankedBy.key();
        return new Ranking(name, system == null ? null : system.name(), rankings.top(rankedBy, system, limit));
    }

    @Serdeable
    record Ranking(String dimension, @Nullable String codeSystem, List<Entry> entries) {
    }

    /** One ranked occupation: its place, its value on the dimension, and its overall. */
    @Serdeable
    record Entry(int rank, String occupationId, String codeSystem, @Nullable String titleEn, @Nullable String titleZh,
                 BigDecimal value, BigDecimal overall, String modelVersion) {
    }
}

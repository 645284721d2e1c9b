package org.careergraph.scoring.score;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.careergraph.platform.web.ProblemException;

/** An occupation's score with its explanation, and how it moved. */
@Controller("/api/scores")
@Secured(SecurityRule.IS_ANONYMOUS)
class ScoreController {

    private final Scorer scorer;

    ScoreController(Scorer scorer) {
        this.scorer = scorer;
    }

    @Get("/{occupationId}")
    ScoreView get(@PathVariable String occupationId) {
        return ScoreView.of(scorer.find(occupationId).orElseThrow(() -> notScored(occupationId)));
    }

    /** Each time a value moved, newest first: the values after, the model, and why. */
    @Get("/{occupationId}/history")
    List<ScoreHistory> history(@PathVariable String occupationId,
                               @QueryValue(defaultValue = "50") @Min(1) @Max(500) int limit) {
        List<ScoreHistory> moves = scorer.history(occupationId, limit);
        if (moves.isEmpty()) {
            throw notScored(occupationId);
        }
        return moves;
    }

    private static ProblemException notScored(String occupationId) {
        return ProblemException.notFound("No score for occupation " + occupationId + " yet.");
    }

    @Serdeable
    record ScoreView(String occupationId, String codeSystem, String titleEn, String titleZh, BigDecimal overall,
                     Map<String, BigDecimal> dimensions, String modelVersion, Explanation explanation,
                     Instant computedAt) {

        static ScoreView of(StoredScore s) {
            return new ScoreView(s.occupationId(), s.codeSystem(), s.titleEn(), s.titleZh(), s.overall(),
                    s.dimensions(), s.modelVersion(), s.explanation(), s.computedAt());
        }
    }
}

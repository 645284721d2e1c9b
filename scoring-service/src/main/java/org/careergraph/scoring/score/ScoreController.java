package org.careergraph.scoring.score;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.careergraph.platform.web.ProblemException;

@Controller("/api/scores")
@Secured(SecurityRule.IS_ANONYMOUS)
class ScoreController {

    private final Scorer scorer;

    ScoreController(Scorer scorer) {
        this.scorer = scorer;
    }

    @Get("/{occupationId}")
    StoredScore get(@PathVariable String occupationId) {
        return scorer.find(occupationId)
                .orElseThrow(() -> ProblemException.notFound("No score for occupation " + occupationId + " yet."));
    }
}

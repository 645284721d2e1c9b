package org.careergraph.scoring.rescore;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import org.careergraph.platform.meters.DatabaseGauges;

/**
 * {@code careergraph_rescore_occupations{progress}}: of the re-score jobs running now, the occupations to score
 * ({@code total}) and those scored ({@code scored}); both 0 when none runs. The same figures as the job's progress in
 * the API and the log.
 */
@Context
@Requires(bean = DatabaseGauges.class)
class RescoreGauges {

    RescoreGauges(DatabaseGauges gauges) {
        gauges.register("careergraph.rescore.occupations", "Occupations of the running re-score jobs: to score "
                + "(total) and scored", "occupations", """
                SELECT 'total', COALESCE(SUM(total), 0) FROM rescore_job WHERE state = 'RUNNING'
                UNION ALL
                SELECT 'scored', COALESCE(SUM(scored), 0) FROM rescore_job WHERE state = 'RUNNING'""", "progress");
    }
}

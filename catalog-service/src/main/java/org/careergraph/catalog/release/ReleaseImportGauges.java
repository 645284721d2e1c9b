package org.careergraph.catalog.release;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import org.careergraph.platform.meters.DatabaseGauges;

/**
 * {@code careergraph_release_import_occupations{progress}}: of the release imports running now, the occupations to
 * check ({@code total}) and those done ({@code done}); both 0 when none runs. The same figures as the import's
 * progress in the API and the log.
 */
@Context
@Requires(bean = DatabaseGauges.class)
class ReleaseImportGauges {

    ReleaseImportGauges(DatabaseGauges gauges) {
        gauges.register("careergraph.release.import.occupations", "Occupations of the running release imports: to "
                + "check (total) and done", "occupations", """
                SELECT 'total', COALESCE(SUM(total), 0) FROM release_import WHERE status = 'RUNNING'
                UNION ALL
                SELECT 'done', COALESCE(SUM(done), 0) FROM release_import WHERE status = 'RUNNING'""", "progress");
    }
}

package org.careergraph.catalog.release;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.careergraph.catalog.page.OfficialRecord;

/** What one code of a release holds, per series, as stored in {@code release_record}. */
final class ReleaseRecords {

    private ReleaseRecords() {
    }

    /** An O*NET-SOC occupation: its title, description, tasks, job zone and alternate titles. */
    @Serdeable
    record OnetOccupation(String code, String title, String description, List<OfficialRecord.Task> tasks,
                          @Nullable OfficialRecord.JobZone jobZone, List<String> alternateTitles) {
    }

    /** An ANZSCO occupation with its groups, or a code the classification lists as retired. */
    @Serdeable
    record AnzscoOccupation(String code, String title, @Nullable Integer skillLevel, boolean retired,
                            List<OfficialRecord.Group> groups) {
    }

    /** One OEWS row: its group level ({@code total}, {@code major}, ..., {@code detailed}) and figures. */
    @Serdeable
    record WageRow(String group, OfficialRecord.Wages wages) {
    }

    /** One row of projections table 1.7: {@code Line item} (an occupation) or {@code Summary} (a group). */
    @Serdeable
    record ProjectedOccupation(String type, OfficialRecord.Projections projections) {
    }

    /** The National Employment Matrix code under which BLS publishes an O*NET-SOC occupation's figures. */
    @Serdeable
    record NemCode(String nemCode, String nemTitle) {
    }

    /** An editorial Traditional Chinese title, for an occupation or a group. */
    @Serdeable
    record Translation(String system, String code, String titleEn, String titleZh) {
    }
}

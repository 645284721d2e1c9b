package org.careergraph.catalog.occupation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import org.careergraph.events.OccupationFacts;
import org.careergraph.events.SalaryBand;

/** A career page. The walking skeleton holds its identity, titles and salary bands; the full page comes later. */
@Serdeable
@MappedEntity("occupation")
public record Occupation(
        @Id String id,
        String codeSystem,
        String code,
        String titleZh,
        String titleEn,
        @Nullable Integer skillLevel,
        @TypeDef(type = DataType.JSON) List<SalaryBand> salaryBands,
        int revision,
        Instant createdAt,
        Instant updatedAt,
        String updatedBy) {

    OccupationFacts facts() {
        return new OccupationFacts(titleZh, titleEn, codeSystem, code, skillLevel, salaryBands);
    }

    /** The entity tag of this revision, for If-Match. */
    String etag() {
        return "\"" + revision + "\"";
    }
}

package org.careergraph.scoring.model;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;

/** A scoring model as it was put in force; the highest version is the one in force. */
@MappedEntity("scoring_model")
public record ModelVersion(
        @Id int version,
        @TypeDef(type = DataType.JSON) ScoringModel model,
        @Nullable String note,
        String createdBy,
        Instant createdAt) {

    /** The version as events and scores name it. */
    public String name() {
        return String.valueOf(version);
    }
}

package org.careergraph.catalog.revision;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.careergraph.events.FieldChange;
import org.careergraph.events.OccupationChanged.ChangeKind;

/**
 * One numbered change of an occupation: its field-level diff, its author, and the occupation as it then was (kept as
 * a JSON tree: old snapshots keep the shape they were written in).
 */
@Serdeable
@MappedEntity("occupation_revision")
public record Revision(
        @Id @GeneratedValue @Nullable Long id,
        String occupationId,
        int revision,
        ChangeKind kind,
        String changedBy,
        Instant changedAt,
        @TypeDef(type = DataType.JSON) List<FieldChange> changes,
        @TypeDef(type = DataType.JSON) Map<String, Object> snapshot) {
}

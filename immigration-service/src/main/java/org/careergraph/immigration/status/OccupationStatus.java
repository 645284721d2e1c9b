package org.careergraph.immigration.status;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.careergraph.events.ImmigrationStatus;

/**
 * An occupation's current status in one country under the rules in force: what a recomputation compares against.
 * {@code summary} is what events carry; rows from before the full rule model have none and only a tier.
 */
@MappedEntity("occupation_status")
record OccupationStatus(
        @Id @GeneratedValue @Nullable Long id,
        String occupationId,
        String country,
        @Nullable Integer greenListTier,
        @Nullable LocalDate since,
        @Nullable String policyUpdateId,
        @TypeDef(type = DataType.JSON) @Nullable ImmigrationStatus summary,
        Instant updatedAt) {

    ImmigrationStatus current() {
        return summary != null ? summary : new ImmigrationStatus(greenListTier);
    }

    /** Whether storing {@code assessment} would change anything in this row. */
    boolean differsFrom(Assessment assessment) {
        return !assessment.summary().equals(summary) || !Objects.equals(assessment.greenListSince(), since)
                || !Objects.equals(assessment.greenListUpdateId(), policyUpdateId);
    }

    static OccupationStatus of(@Nullable Long id, String occupationId, String country, Assessment assessment,
                               Instant at) {
        return new OccupationStatus(id, occupationId, country, assessment.summary().greenListTier(),
                assessment.greenListSince(), assessment.greenListUpdateId(), assessment.summary(), at);
    }
}

package org.careergraph.immigration.status;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;

/** An occupation's current status in one country, under the rules in force: what a recomputation compares against. */
@MappedEntity("occupation_status")
record OccupationStatus(
        @Id @GeneratedValue @Nullable Long id,
        String occupationId,
        String country,
        @Nullable Integer greenListTier,
        @Nullable LocalDate since,
        @Nullable String policyUpdateId,
        Instant updatedAt) {

    GreenListStatus greenList() {
        return new GreenListStatus(greenListTier, since, policyUpdateId);
    }

    OccupationStatus with(GreenListStatus status, Instant at) {
        return new OccupationStatus(id, occupationId, country, status.tier(), status.since(), status.policyUpdateId(),
                at);
    }
}

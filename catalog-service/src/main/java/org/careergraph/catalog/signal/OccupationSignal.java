package org.careergraph.catalog.signal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** The latest score and immigration status the catalog heard of for an occupation, served with its page. */
@Serdeable
@MappedEntity("occupation_signal")
public record OccupationSignal(
        @Id String occupationId,
        @Nullable BigDecimal overallScore,
        @Nullable @TypeDef(type = DataType.JSON) Map<String, BigDecimal> dimensions,
        @Nullable String scoreModel,
        @Nullable Integer greenListTier,
        @Nullable LocalDate statusSince,
        Instant updatedAt) {

    static OccupationSignal none(String occupationId) {
        return new OccupationSignal(occupationId, null, null, null, null, null, Instant.EPOCH);
    }
}

package org.careergraph.scoring.score;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** One move of an occupation's score: the values after it, the model, and why (the same as its event). */
@Serdeable
@MappedEntity("score_history")
public record ScoreHistory(
        @Id @GeneratedValue @Nullable Long id,
        String occupationId,
        BigDecimal overall,
        @TypeDef(type = DataType.JSON) Map<String, BigDecimal> dimensions,
        String modelVersion,
        String reason,
        String causeEventId,
        String causeEventType,
        Instant changedAt) {
}

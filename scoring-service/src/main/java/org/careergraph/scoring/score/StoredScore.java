package org.careergraph.scoring.score;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.careergraph.events.Score;

/** The current score of an occupation, with the explanation a reader can recompute it from. */
@Serdeable
@MappedEntity("score")
public record StoredScore(
        @Id String occupationId,
        BigDecimal overall,
        @TypeDef(type = DataType.JSON) Map<String, BigDecimal> dimensions,
        String modelVersion,
        String explanation,
        Instant computedAt) {

    Score score() {
        return new Score(overall, dimensions);
    }
}

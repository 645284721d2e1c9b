package org.careergraph.scoring.score;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.careergraph.events.OccupationFacts;
import org.careergraph.events.Score;
import org.careergraph.scoring.model.Dimension;

/**
 * The current score of an occupation, with the explanation a reader can recompute it from. Each dimension has its
 * own column (null: not rated), so that rankings sort in the database; archived pages keep their score but leave the
 * rankings.
 */
@MappedEntity("score")
public record StoredScore(
        @Id String occupationId,
        String codeSystem,
        @Nullable String titleEn,
        @Nullable String titleZh,
        boolean archived,
        BigDecimal overall,
        @Nullable BigDecimal income,
        @Nullable BigDecimal demandOutlook,
        @Nullable BigDecimal prFriendliness,
        @Nullable BigDecimal aiRisk,
        @Nullable BigDecimal competition,
        @Nullable BigDecimal learningDuration,
        @Nullable BigDecimal certification,
        @Nullable BigDecimal prDifficulty,
        String modelVersion,
        @TypeDef(type = DataType.JSON) Explanation explanation,
        Instant computedAt) {

    static StoredScore of(OccupationFacts facts, String occupationId, ScoreCalculator.Result result, Instant at) {
        Map<String, BigDecimal> d = result.score().dimensions();
        return new StoredScore(occupationId, facts.codeSystem(), facts.titleEn(), facts.titleZh(),
                Boolean.TRUE.equals(facts.archived()), result.score().overall(),
                d.get(Dimension.INCOME.key()), d.get(Dimension.DEMAND_OUTLOOK.key()),
                d.get(Dimension.PR_FRIENDLINESS.key()), d.get(Dimension.AI_RISK.key()),
                d.get(Dimension.COMPETITION.key()), d.get(Dimension.LEARNING_DURATION.key()),
                d.get(Dimension.CERTIFICATION.key()), d.get(Dimension.PR_DIFFICULTY.key()),
                result.explanation().modelVersion(), result.explanation(), at);
    }

    /** The rated dimensions, in the model's order. */
    public Map<String, BigDecimal> dimensions() {
        Map<String, BigDecimal> dimensions = new LinkedHashMap<>();
        for (Dimension dimension : Dimension.values()) {
            BigDecimal value = value(dimension);
            if (value != null) {
                dimensions.put(dimension.key(), value);
            }
        }
        return dimensions;
    }

    public @Nullable BigDecimal value(Dimension dimension) {
        return switch (dimension) {
            case INCOME -> income;
            case DEMAND_OUTLOOK -> demandOutlook;
            case PR_FRIENDLINESS -> prFriendliness;
            case AI_RISK -> aiRisk;
            case COMPETITION -> competition;
            case LEARNING_DURATION -> learningDuration;
            case CERTIFICATION -> certification;
            case PR_DIFFICULTY -> prDifficulty;
        };
    }

    Score score() {
        return new Score(overall, dimensions());
    }
}

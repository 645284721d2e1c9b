package org.careergraph.scoring.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.careergraph.events.FieldChange;
import org.careergraph.platform.web.Problem.FieldError;
import org.junit.jupiter.api.Test;

class ScoringModelTest {

    private static final ScoringModel.Weights WEIGHTS = ScoringModel.MODEL_1.weights();

    @Test
    void theShippedModelIsValid() {
        assertEquals(List.of(), ScoringModel.MODEL_1.problems("model"));
    }

    @Test
    void everyBadParameterIsNamedByItsPath() {
        ScoringModel bad = new ScoringModel(new ScoringModel.Weights(new BigDecimal("-1"), WEIGHTS.demandOutlook(),
                WEIGHTS.prFriendliness(), new BigDecimal("11"), WEIGHTS.competition(), WEIGHTS.learningDuration(),
                WEIGHTS.certification(), new BigDecimal("0.12345")), null, ScoringModel.MODEL_1.demandOutlook(),
                ScoringModel.MODEL_1.prFriendliness(), ScoringModel.MODEL_1.aiRisk(),
                new ScoringModel.Competition(BigDecimal.ONE, BigDecimal.ONE, 51, BigDecimal.ONE, null),
                ScoringModel.MODEL_1.learningDuration(), ScoringModel.MODEL_1.certification(),
                ScoringModel.MODEL_1.prDifficulty());

        assertEquals(List.of(new FieldError("model.weights.income", "must be from 0 to 10"),
                new FieldError("model.weights.aiRisk", "must be from 0 to 10"),
                new FieldError("model.weights.prDifficulty", "must have at most three decimals"),
                new FieldError("model.income", "must be given"),
                new FieldError("model.competition.requiredCounted", "must be a whole number from 0 to 50"),
                new FieldError("model.competition.amplifiedByAi", "must be given")), bad.problems("model"));
    }

    @Test
    void weightsCannotAllBeZero() {
        BigDecimal zero = BigDecimal.ZERO;
        ScoringModel none = new ScoringModel(new ScoringModel.Weights(zero, zero, zero, zero, zero, zero, zero, zero),
                ScoringModel.MODEL_1.income(), ScoringModel.MODEL_1.demandOutlook(),
                ScoringModel.MODEL_1.prFriendliness(), ScoringModel.MODEL_1.aiRisk(),
                ScoringModel.MODEL_1.competition(), ScoringModel.MODEL_1.learningDuration(),
                ScoringModel.MODEL_1.certification(), ScoringModel.MODEL_1.prDifficulty());
        assertEquals(List.of(new FieldError("model.weights", "at least one weight must be above 0")),
                none.problems("model"));
    }

    @Test
    void theSameNumbersWrittenDifferentlyAreTheSameModel() {
        ScoringModel written = new ScoringModel(new ScoringModel.Weights(new BigDecimal("2.00"),
                WEIGHTS.demandOutlook(), WEIGHTS.prFriendliness(), WEIGHTS.aiRisk(), WEIGHTS.competition(),
                WEIGHTS.learningDuration(), WEIGHTS.certification(), new BigDecimal("1.50")),
                ScoringModel.MODEL_1.income(), ScoringModel.MODEL_1.demandOutlook(),
                ScoringModel.MODEL_1.prFriendliness(), ScoringModel.MODEL_1.aiRisk(),
                ScoringModel.MODEL_1.competition(), ScoringModel.MODEL_1.learningDuration(),
                ScoringModel.MODEL_1.certification(), new ScoringModel.PrDifficulty(new BigDecimal("10"),
                new BigDecimal("8"), new BigDecimal("7"), new BigDecimal("5"), new BigDecimal("2"),
                new BigDecimal("3.5"), new BigDecimal("1"), new BigDecimal("3"), new BigDecimal("1"),
                new BigDecimal("2"), new BigDecimal("2")));

        List<FieldChange> changes = Models.differences(ScoringModel.MODEL_1, written);
        assertEquals(List.of(new FieldChange("/prDifficulty/usEb2", BigDecimal.ONE, new BigDecimal("2"))), changes);
        assertTrue(Models.differences(ScoringModel.MODEL_1, ScoringModel.MODEL_1).isEmpty());
    }
}

package org.careergraph.scoring.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import org.careergraph.events.Score;
import org.junit.jupiter.api.Test;

class ScoringModelTest {

    @Test
    void incomeIsFiveTimesPayOverTheMedianAndPrFollowsTheGreenListTier() {
        // 65,000 / 69,804.80 = 0.9312 -> income 4.7; Tier 2 -> 7.0; overall (4.7 + 7.0) / 2 = 5.85 -> 5.9
        Score score = ScoringModel.score(input("NZD", "65000", 2)).score();
        assertEquals(new BigDecimal("4.7"), score.dimensions().get("income"));
        assertEquals(new BigDecimal("7.0"), score.dimensions().get("prFriendliness"));
        assertEquals(new BigDecimal("5.9"), score.overall());
    }

    @Test
    void incomeIsCappedAtTenAndTierOneIsTen() {
        Score score = ScoringModel.score(input("USD", "250000", 1)).score();
        assertEquals(new BigDecimal("10.0"), score.dimensions().get("income"));
        assertEquals(new BigDecimal("10.0"), score.dimensions().get("prFriendliness"));
        assertEquals(new BigDecimal("10.0"), score.overall());
    }

    @Test
    void withoutPayInAKnownCurrencyOnlyPrIsRated() {
        ScoringModel.Result result = ScoringModel.score(input("EUR", "50000", null));
        assertFalse(result.score().dimensions().containsKey("income"));
        assertEquals(new BigDecimal("3.0"), result.score().overall());
        assertTrue(result.explanation().contains("income: not rated"));
    }

    @Test
    void theSameInputsAlwaysGiveTheSameScore() {
        assertEquals(ScoringModel.score(input("NZD", "71000", 1)), ScoringModel.score(input("NZD", "71000", 1)));
    }

    private static ScoringInput input(String currency, String midSalary, Integer tier) {
        return new ScoringInput("anzsco-411215", "Community Services Worker", currency, new BigDecimal(midSalary), true,
                tier, Instant.EPOCH);
    }
}

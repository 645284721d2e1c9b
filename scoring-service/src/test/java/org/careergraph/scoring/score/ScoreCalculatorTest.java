package org.careergraph.scoring.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.careergraph.events.ImmigrationStatus;
import org.careergraph.events.ImmigrationStatus.MedianWage;
import org.careergraph.events.OccupationFacts;
import org.careergraph.events.OccupationFacts.AiToolImpact;
import org.careergraph.events.SalaryBand;
import org.careergraph.scoring.input.ScoringInput;
import org.careergraph.scoring.model.ScoringModel;
import org.careergraph.scoring.score.Explanation.DimensionExplanation;
import org.careergraph.scoring.score.Explanation.Source;
import org.junit.jupiter.api.Test;

/** Model 1 worked by hand (docs/scoring.md): each expected number is the arithmetic in the comment beside it. */
class ScoreCalculatorTest {

    private static final ImmigrationStatus TIER_2 = new ImmigrationStatus(2, true, false, 0, true, false, null, null,
            new MedianWage(new BigDecimal("69804.80"), "NZD"));

    @Test
    void aNewZealandOccupationOnTier2() {
        ScoreCalculator.Result result = score(communityServicesWorker(null, null), TIER_2, "NZ");

        Map<String, BigDecimal> d = result.score().dimensions();
        assertEquals(new BigDecimal("4.7"), d.get("income"), "5 x 65,000 / 69,804.80 = 4.6558");
        assertEquals(new BigDecimal("8.0"), d.get("demandOutlook"), "5 + 0.5 x 4 growth areas + 1 skilled migration");
        assertEquals(new BigDecimal("8.0"), d.get("prFriendliness"), "Tier 2");
        assertEquals(new BigDecimal("5.2"), d.get("aiRisk"), "6 (mixed) + 1.5 x (4 - 4) / 8 - 0.2 x 4 partial tools");
        assertEquals(new BigDecimal("5.0"), d.get("competition"), "5 + 0.5 x 0 required, mixed verdict");
        assertEquals(new BigDecimal("8.8"), d.get("learningDuration"), "10 - 1.25 x 1 year = 8.75");
        assertEquals(new BigDecimal("10.0"), d.get("certification"), "10 - 2.5 x 0 required");
        assertEquals(new BigDecimal("3.0"), d.get("prDifficulty"), "no SMC income points, wage rule not met 2 + AEWV 1");
        // (2 x 4.7 + 1.5 x 8 + 1.5 x 8 + 2 x 5.2 + 5 + 8.8 + 10 + 1.5 x 3) / 11.5 = 72.1 / 11.5 = 6.2696
        assertEquals(new BigDecimal("6.3"), result.score().overall());

        Explanation explanation = result.explanation();
        assertEquals("1", explanation.modelVersion());
        assertEquals("5 x pay / median = 5 x 65,000.00 / 69,804.80 = 4.6558 -> 4.7", rule(result, "income"));
        assertEquals("(2 x 4.7 + 1.5 x 8 + 1.5 x 8 + 2 x 5.2 + 1 x 5 + 1 x 8.8 + 1 x 10 + 1.5 x 3) / 11.5 = 72.1 / "
                + "11.5 = 6.2696 -> 6.3", explanation.overall());
        DimensionExplanation income = dimension(result, "income");
        assertEquals(Source.DERIVED, income.inputs().get(0).source());
        assertEquals("NZD 65,000.00", income.inputs().get(0).value());
        assertEquals("catalog revision 3: midpoint of the mid band NZD 58,000.00 - NZD 72,000.00",
                income.inputs().get(0).from());
        assertEquals("immigration status (NZ) from 2026-12-01, derived from the rules in force",
                income.inputs().get(1).from());
    }

    @Test
    void aGreenListTierMovesPrFriendlinessAndTheOverallOnly() {
        ScoreCalculator.Result tier2 = score(communityServicesWorker(null, null), TIER_2, "NZ");
        ImmigrationStatus tier1 = new ImmigrationStatus(1, true, false, 0, true, false, null, null,
                TIER_2.medianWage());
        ScoreCalculator.Result moved = score(communityServicesWorker(null, null), tier1, "NZ");

        assertEquals(new BigDecimal("10.0"), moved.score().dimensions().get("prFriendliness"));
        for (String other : List.of("income", "demandOutlook", "aiRisk", "competition", "learningDuration",
                "certification", "prDifficulty")) {
            assertEquals(tier2.score().dimensions().get(other), moved.score().dimensions().get(other), other);
        }
        assertEquals(new BigDecimal("6.5"), moved.score().overall(), "(72.1 + 1.5 x 2) / 11.5 = 6.5304");
    }

    @Test
    void aTierWhosePayThresholdIsNotMetCountsLess() {
        ImmigrationStatus shortPaid = new ImmigrationStatus(1, false, false, 0, true, false, null, null,
                TIER_2.medianWage());
        ScoreCalculator.Result result = score(communityServicesWorker(null, null), shortPaid, "NZ");
        assertEquals(new BigDecimal("8.0"), result.score().dimensions().get("prFriendliness"), "10 - 2");
    }

    @Test
    void aUsOccupationWithEditorialDemand() {
        OccupationFacts facts = new OccupationFacts("醫療社工", "Healthcare Social Workers", "SOC", "21-1022", null,
                List.of(band("junior", "50000", "60000", "USD"), band("mid", "60000", "80000", "USD"),
                        band("senior", "80000", "100000", "USD")),
                "AMPLIFIED_BY_AI", new BigDecimal("6"), List.of("Master of Social Work", "State license"), 3, 5,
                List.of(new AiToolImpact("Tool A", "MAJOR"), new AiToolImpact("Tool B", "PARTIAL")), null, List.of(),
                7, null, false);
        ImmigrationStatus status = new ImmigrationStatus(null, null, null, null, null, null,
                List.of("H1B", "EB2", "PERM"), 2, new MedianWage(new BigDecimal("49500"), "USD"));
        ScoreCalculator.Result result = score(facts, status, "US");

        Map<String, BigDecimal> d = result.score().dimensions();
        assertEquals(new BigDecimal("7.1"), d.get("income"), "5 x 70,000 / 49,500 = 7.0707");
        assertEquals(new BigDecimal("7.0"), d.get("demandOutlook"), "the editorial rating");
        assertEquals(Source.EDITORIAL, dimension(result, "demandOutlook").inputs().get(0).source());
        assertEquals(new BigDecimal("6.0"), d.get("prFriendliness"), "EB-2 open");
        assertEquals(new BigDecimal("7.6"), d.get("aiRisk"), "8 + 1.5 x (5 - 3) / 8 - (0.6 + 0.2) = 7.575");
        assertEquals(new BigDecimal("6.5"), d.get("competition"), "5 + 0.5 x 2 required + 0.5 amplified");
        assertEquals(new BigDecimal("2.5"), d.get("learningDuration"), "10 - 1.25 x 6");
        assertEquals(new BigDecimal("5.0"), d.get("certification"), "10 - 2.5 x 2");
        assertEquals(new BigDecimal("6.0"), d.get("prDifficulty"), "H-1B 3 + 1 x 2 entries, + 1 EB-2");
        // (14.2 + 10.5 + 9 + 15.2 + 6.5 + 2.5 + 5 + 9) / 11.5 = 71.9 / 11.5 = 6.2522
        assertEquals(new BigDecimal("6.3"), result.score().overall());
    }

    @Test
    void withoutAStatusTheImmigrationDimensionsAreNotRatedAndTheOverallLeavesThemOut() {
        ScoreCalculator.Result result = score(communityServicesWorker(null, null), null, null);

        assertNull(result.score().dimensions().get("income"));
        assertNull(result.score().dimensions().get("prFriendliness"));
        assertNull(result.score().dimensions().get("prDifficulty"));
        assertNull(dimension(result, "income").value());
        assertEquals("not rated: no median wage is known for the occupation's country", rule(result, "income"));
        // (1.5 x 8 + 2 x 5.2 + 5 + 8.8 + 10) / 6.5 = 46.2 / 6.5 = 7.1077
        assertEquals(new BigDecimal("7.1"), result.score().overall());
    }

    @Test
    void editorialRatingsWinOverTheSignals() {
        ScoreCalculator.Result result = score(communityServicesWorker(3, 9), TIER_2, "NZ");
        assertEquals(new BigDecimal("3.0"), result.score().dimensions().get("demandOutlook"));
        assertEquals(new BigDecimal("9.0"), result.score().dimensions().get("competition"));
        assertEquals("the editorial rating: 9 -> 9.0", rule(result, "competition"));
    }

    @Test
    void payInAnotherCurrencyThanTheMedianIsNotCompared() {
        OccupationFacts usd = new OccupationFacts("社區服務工作者", "Community Services Worker", "ANZSCO", "411215", 4,
                List.of(band("mid", "40000", "50000", "USD")));
        ScoreCalculator.Result result = score(usd, TIER_2, "NZ");
        assertEquals("not rated: the pay is in USD, the median in NZD", rule(result, "income"));
        assertEquals("not rated: the page says nothing about AI", rule(result, "aiRisk"));
    }

    @Test
    void theSameInputsUnderTheSameModelAlwaysGiveTheSameScore() {
        assertEquals(score(communityServicesWorker(null, 4), TIER_2, "NZ"),
                score(communityServicesWorker(null, 4), TIER_2, "NZ"));
    }

    @Test
    void everyDimensionStaysWithinZeroAndTen() {
        OccupationFacts extreme = new OccupationFacts("x", "x", "ANZSCO", "111111", 1,
                List.of(band("mid", "900000", "1000000", "NZD")), "COMPRESSED_BY_AUTOMATION", new BigDecimal("12"),
                List.of("a", "b", "c", "d", "e"), 9, 0, List.of(), true, List.of(), null, null, false);
        Map<String, BigDecimal> d = score(extreme, TIER_2, "NZ").score().dimensions();
        assertEquals(new BigDecimal("10.0"), d.get("income"));
        assertEquals(new BigDecimal("0.0"), d.get("learningDuration"));
        assertEquals(new BigDecimal("0.0"), d.get("certification"));
        assertEquals(new BigDecimal("1.5"), d.get("aiRisk"), "3 - 1.5 x 9 / 9");
    }

    static OccupationFacts communityServicesWorker(Integer demandOutlook, Integer competition) {
        return new OccupationFacts("社區服務工作者", "Community Services Worker", "ANZSCO", "411215", 4,
                List.of(band("junior", "48000", "58000", "NZD"), band("mid", "58000", "72000", "NZD"),
                        band("senior", "72000", "90000", "NZD")),
                "MIXED", BigDecimal.ONE, List.of(), 4, 4,
                List.of(new AiToolImpact("ChatGPT", "PARTIAL"), new AiToolImpact("Woebot", "PARTIAL"),
                        new AiToolImpact("IBM Watson for Social Services", "PARTIAL"), new AiToolImpact(null, null)),
                true, List.of("Social Services Growth", "Aging Population", "Government Funding Increase",
                        "Rural Demand"), demandOutlook, competition, false);
    }

    private static ScoreCalculator.Result score(OccupationFacts facts, ImmigrationStatus status, String country) {
        ScoringInput input = ScoringInput.none("anzsco-411215").withFacts(facts, 3);
        if (status != null) {
            input = input.withStatus(status, country, LocalDate.parse("2026-12-01"));
        }
        return ScoreCalculator.score(input.touched(Instant.EPOCH), ScoringModel.MODEL_1, "1");
    }

    private static SalaryBand band(String level, String min, String max, String currency) {
        return new SalaryBand(level, new BigDecimal(min), new BigDecimal(max), currency, null);
    }

    private static DimensionExplanation dimension(ScoreCalculator.Result result, String key) {
        return result.explanation().dimensions().stream().filter(d -> d.dimension().equals(key)).findFirst()
                .orElseThrow();
    }

    private static String rule(ScoreCalculator.Result result, String key) {
        return dimension(result, key).rule();
    }
}

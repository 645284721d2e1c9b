package org.careergraph.scoring.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.careergraph.events.ImmigrationStatus;
import org.careergraph.events.ImmigrationStatus.MedianWage;
import org.careergraph.events.OccupationFacts;
import org.careergraph.events.OccupationFacts.AiToolImpact;
import org.careergraph.events.PublishedFacts;
import org.careergraph.events.SalaryBand;
import org.careergraph.scoring.input.ScoringInput;
import org.careergraph.scoring.model.ScoringModel;
import org.careergraph.scoring.score.Explanation.DimensionExplanation;
import org.careergraph.scoring.score.Explanation.InputUsed;
import org.careergraph.scoring.score.Explanation.Source;
import org.junit.jupiter.api.Test;

/**
 * Model 2 worked by hand (docs/scoring.md): each expected number is the arithmetic beside it. The figures are Data
 * Scientists' in the bundled releases (OEWS May 2024, Employment Projections 2022-32, GPTs are GPTs, Working with AI).
 */
class Formula2Test {

    private static final ImmigrationStatus US_DEGREE = new ImmigrationStatus(null, null, null, null, null, null,
            List.of("H1B", "EB2", "PERM"), 1, new MedianWage(new BigDecimal("49500"), "USD"));
    private static final ImmigrationStatus NZ_OFF_LIST = new ImmigrationStatus(null, null, null, null, null, null,
            null, null, new MedianWage(new BigDecimal("72800"), "NZD"));

    @Test
    void anOccupationWithEveryFigureAndNoPageText() {
        ScoreCalculator.Result result = score(dataScientists(), US_DEGREE, "US");

        Map<String, BigDecimal> d = result.score().dimensions();
        assertEquals(new BigDecimal("8.0"), d.get("income"), "5 + 2.5 x log2(112,590 / 49,500) = 5 + 2.5 x 1.1856");
        assertEquals(new BigDecimal("9.8"), d.get("demandOutlook"),
                "5 + 0.15 x (35.2 - 2.8) + 0.1 x (10.48 - 11.29) = 5 + 4.86 - 0.081 = 9.779");
        assertEquals(new BigDecimal("4.5"), d.get("aiRisk"),
                "10 - 8 x mean(0.75, 0.59375, min(1, 2 x 0.357163)) = 10 - 8 x 0.686 = 4.512");
        assertEquals(new BigDecimal("5.0"), d.get("learningDuration"), "10 - 1.25 x mean(4 bachelor's, 4 job zone 4)");
        assertNull(d.get("certification"), "no qualification section: whether a licence is needed is not known");
        assertNull(d.get("competition"), "no editorial rating and no qualification section");
        assertEquals(new BigDecimal("6.0"), d.get("prFriendliness"), "EB-2 open");
        assertEquals(new BigDecimal("5.0"), d.get("prDifficulty"), "H-1B 3 + 1 x 1 entry + EB-2 1");
        // (2 x 8 + 1.5 x 9.8 + 1.5 x 6 + 2 x 4.5 + 1 x 5 + 1.5 x 5) / 9.5 = 61.2 / 9.5 = 6.4421
        assertEquals(new BigDecimal("6.4"), result.score().overall());
        assertEquals("not rated: the page lists no qualifications, so whether a licence or registration is required "
                + "is not known (on-the-job training alone does not tell)", rule(result, "certification"));

        assertEquals("5 + 2.5 x log2(pay / median) = 5 + 2.5 x log2(112,590.00 / 49,500.00) = 5 + 2.5 x 1.1856 = "
                + "7.964 -> 8.0", rule(result, "income"));
        assertEquals("5 + 0.15 x (35.2 - 2.8) + 0.1 x (10.48 - 11.29 openings per 100 jobs) = 5 + 4.86 - 0.081 = "
                + "9.779 -> 9.8", rule(result, "demandOutlook"));
        InputUsed median = dimension(result, "income").inputs().get(0);
        assertEquals(new InputUsed("median annual wage", "USD 112,590.00", Source.PUBLISHED,
                "BLS OEWS May 2024, SOC 15-2051"), median);
        List<InputUsed> exposure = dimension(result, "aiRisk").inputs();
        assertEquals(3, exposure.size());
        assertTrue(exposure.get(0).from().contains("\"GPTs are GPTs\""), exposure.get(0).from());
        assertEquals("LLM exposure rated by human annotators (beta)", exposure.get(1).name());
        assertTrue(exposure.get(2).from().contains("\"Working with AI\""), exposure.get(2).from());
        assertTrue(rule(result, "aiRisk").contains("(the page says nothing about AI)"), rule(result, "aiRisk"));
    }

    @Test
    void missingFiguresAreSaidAndNeverMadeUp() {
        OccupationFacts anzsco = new OccupationFacts("某職業", "Some Occupation", "ANZSCO", "599999", 4, List.of(),
                null, null, null, 0, 0, List.of(), null, null, null, null, false, null);

        ScoreCalculator.Result result = score(anzsco, NZ_OFF_LIST, "NZ");

        Map<String, BigDecimal> d = result.score().dimensions();
        assertEquals("not rated: no OEWS median wage for the occupation, and the page gives no salary band",
                rule(result, "income"));
        assertEquals("not rated: no BLS projection for the occupation, no editorial rating, and the page has no "
                + "growth areas", rule(result, "demandOutlook"));
        assertEquals("not rated: no research exposure figure for the occupation, and the page says nothing about AI",
                rule(result, "aiRisk"));
        assertEquals("not rated: the page lists no qualifications, so whether a licence or registration is required "
                + "is not known", rule(result, "certification"));
        assertEquals(new BigDecimal("9.4"), d.get("learningDuration"), "10 - 1.25 x 0.5 (skill level 4) = 9.375");
        assertEquals(new BigDecimal("3.0"), d.get("prFriendliness"), "not on the Green List");
        assertTrue(rule(result, "prDifficulty").startsWith("not rated: without a pay figure"),
                "SMC points, the SMC wage rule and AEWV all unknown: " + rule(result, "prDifficulty"));
        assertEquals(List.of("prFriendliness", "learningDuration"), List.copyOf(d.keySet()));
        // (1.5 x 3 + 1 x 9.4) / 2.5 = 13.9 / 2.5 = 5.56
        assertEquals(new BigDecimal("5.6"), result.score().overall());
    }

    @Test
    void usRoutesThatCannotBeToldLeaveThePrDimensionsUnrated() {
        ImmigrationStatus unknown = new ImmigrationStatus(null, null, null, null, null, null, List.of("PERM"), null,
                new MedianWage(new BigDecimal("49500"), "USD"), List.of("H1B", "EB2"));

        ScoreCalculator.Result result = score(dataScientists(), unknown, "US");

        assertNull(result.score().dimensions().get("prFriendliness"));
        assertNull(result.score().dimensions().get("prDifficulty"));
        assertTrue(rule(result, "prFriendliness").startsWith("not rated: whether EB-2 is open is not known"),
                rule(result, "prFriendliness"));
    }

    @Test
    void anOccupationWithNothingToRateHasNoScore() {
        OccupationFacts nothing = new OccupationFacts("某職業", "Some Occupation", "SOC", "99-9999", null, List.of(),
                null, null, null, 0, 0, List.of(), null, null, null, null, false, null);
        ScoringInput input = ScoringInput.none("soc-99-9999").withFacts(nothing, 1);

        ScoreCalculator.Result result = ScoreCalculator.score(input, ScoringModel.MODEL_2, "2");

        assertNull(result.score());
        assertEquals("not rated: no dimension is rated", result.explanation().overall());
    }

    @Test
    void aPagesOwnVerdictIsWeighedWithTheResearch() {
        PublishedFacts figures = published(null, null, null, null, null, "Master's degree",
                "Internship/residency", 5, new BigDecimal("0.4"), new BigDecimal("0.3"), new BigDecimal("0.1"));
        OccupationFacts page = new OccupationFacts("社工", "Some Social Worker", "SOC", "21-1029", null,
                List.of(band("junior", "50000", "60000"), band("mid", "60000", "80000"), band("senior", "80000",
                        "95000")),
                "MIXED", new BigDecimal("2"), List.of("State licence"), 4, 4,
                List.of(new AiToolImpact("A", "PARTIAL"), new AiToolImpact("B", "PARTIAL"),
                        new AiToolImpact("C", "PARTIAL"), new AiToolImpact("D", null)),
                false, null, 7, null, false, figures);

        ScoreCalculator.Result result = score(page, US_DEGREE, "US");

        Map<String, BigDecimal> d = result.score().dimensions();
        // research 10 - 8 x mean(0.4, 0.3, min(1, 2 x 0.1)) = 10 - 8 x 0.3 = 7.6; the page 6 + 0 - 0.2 x 4 = 5.2
        assertEquals(new BigDecimal("6.8"), d.get("aiRisk"), "(2 x 7.6 + 1 x 5.2) / 3 = 6.8");
        assertTrue(rule(result, "aiRisk").endsWith("weighed: (2 x 7.6 + 1 x 5.2) / 3 = 6.8 -> 6.8"),
                rule(result, "aiRisk"));
        assertEquals(new BigDecimal("6.2"), d.get("income"),
                "no OEWS median: 5 + 2.5 x log2(70,000 / 49,500) = 5 + 2.5 x 0.4999 = 6.24975");
        assertTrue(rule(result, "income").startsWith("no OEWS median wage for the occupation: the page's mid-level "
                + "pay against the rule set's median: "), rule(result, "income"));
        assertEquals(new BigDecimal("7.0"), d.get("demandOutlook"), "no projection: the editorial rating 7");
        assertTrue(rule(result, "demandOutlook").startsWith("no BLS projection for the occupation, so the page's: "
                + "the editorial rating"), rule(result, "demandOutlook"));
        assertEquals(new BigDecimal("4.2"), d.get("learningDuration"),
                "10 - 1.25 x mean(6 master's, 6 job zone 5, 2 the page's path) = 10 - 1.25 x 4.6667 = 4.1666");
        assertEquals(new BigDecimal("4.5"), d.get("certification"), "10 - 2.5 x 1 required - 3 internship/residency");
    }

    @Test
    void releasedFiguresThatMovedAreNamedOnTheCause() {
        OccupationFacts before = dataScientists();
        PublishedFacts was = before.published();
        PublishedFacts now = new PublishedFacts(new BigDecimal("112590.00"), false, was.wageSocCode(),
                "BLS OEWS May 2024", was.employmentChange(), was.annualOpenings(), was.entryEducation(),
                was.workExperience(), was.onTheJobTraining(), was.projectionsRelease(), was.jobZone(),
                was.llmExposureGpt4(), was.llmExposureHuman(), was.llmExposureRelease(), was.aiApplicability(),
                was.aiApplicabilityRelease(), new BigDecimal("49500"), was.employmentBase(),
                was.allOccupationsEmploymentChange(), was.allOccupationsEmploymentBase(),
                was.allOccupationsAnnualOpenings(), was.jobZoneRelease(), was.skillLevelRelease());
        PublishedFacts old = new PublishedFacts(new BigDecimal("108020"), false, was.wageSocCode(),
                "BLS OEWS May 2023", was.employmentChange(), was.annualOpenings(), was.entryEducation(),
                was.workExperience(), was.onTheJobTraining(), was.projectionsRelease(), was.jobZone(),
                was.llmExposureGpt4(), was.llmExposureHuman(), was.llmExposureRelease(), was.aiApplicability(),
                was.aiApplicabilityRelease(), new BigDecimal("48060"), was.employmentBase(),
                was.allOccupationsEmploymentChange(), was.allOccupationsEmploymentBase(),
                was.allOccupationsAnnualOpenings(), was.jobZoneRelease(), was.skillLevelRelease());

        Cause cause = new Cause("catalog revision 4 changed [/official/wages]", "e1", "occupation-changed")
                .withFigures(withPublished(before, old), withPublished(before, now));

        assertEquals(List.of("/published/medianWage", "/published/wageRelease",
                "/published/allOccupationsMedianWage"), cause.figures().stream().map(c -> c.path()).toList());
        assertEquals(new BigDecimal("108020"), cause.figures().get(0).before());
    }

    static OccupationFacts dataScientists() {
        return new OccupationFacts("資料科學家", "Data Scientists", "SOC", "15-2051", null, List.of(), null, null,
                null, 0, 0, List.of(), null, null, null, null, false,
                published(new BigDecimal("112590"), new BigDecimal("35.2"), new BigDecimal("17.7"),
                        new BigDecimal("168.9"), new BigDecimal("2.8"), "Bachelor's degree", "None", 4,
                        new BigDecimal("0.75"), new BigDecimal("0.59375"), new BigDecimal("0.357163")));
    }

    private static PublishedFacts published(BigDecimal median, BigDecimal change, BigDecimal openings,
                                            BigDecimal employment, BigDecimal allChange,
                                            String education, String training, Integer jobZone, BigDecimal gpt4,
                                            BigDecimal human, BigDecimal applicability) {
        boolean projected = change != null;
        return new PublishedFacts(median, false, median == null ? null : "15-2051",
                median == null ? null : "BLS OEWS May 2024", change, openings, education, "None", training,
                "BLS Employment Projections 2022-32", jobZone, gpt4, human, "GPTs are GPTs (2024)", applicability,
                "Working with AI (2025)", median == null ? null : new BigDecimal("49500"), employment, allChange,
                projected ? new BigDecimal("164482.6") : null, projected ? new BigDecimal("18566.5") : null,
                jobZone == null ? null : "O*NET 30.1", null);
    }

    private static OccupationFacts withPublished(OccupationFacts f, PublishedFacts published) {
        return new OccupationFacts(f.titleZh(), f.titleEn(), f.codeSystem(), f.code(), f.skillLevel(),
                f.salaryBands(), f.aiVerdict(), f.shortestEducationYears(), f.requiredQualifications(),
                f.tasksTakenOver(), f.tasksAugmented(), f.aiTools(), f.skilledMigration(), f.growthAreas(),
                f.demandOutlook(), f.competition(), f.archived(), published);
    }

    private static ScoreCalculator.Result score(OccupationFacts facts, ImmigrationStatus status, String country) {
        ScoringInput input = ScoringInput.none("soc-15-2051").withFacts(facts, 3)
                .withStatus(status, country, LocalDate.parse("2026-12-01"));
        return ScoreCalculator.score(input.touched(Instant.EPOCH), ScoringModel.MODEL_2, "2");
    }

    private static SalaryBand band(String level, String min, String max) {
        return new SalaryBand(level, new BigDecimal(min), new BigDecimal(max), "USD", null);
    }

    private static DimensionExplanation dimension(ScoreCalculator.Result result, String key) {
        return result.explanation().dimensions().stream().filter(d -> d.dimension().equals(key)).findFirst()
                .orElseThrow();
    }

    private static String rule(ScoreCalculator.Result result, String key) {
        return dimension(result, key).rule();
    }
}

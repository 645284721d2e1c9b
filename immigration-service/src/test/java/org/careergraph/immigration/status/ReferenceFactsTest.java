package org.careergraph.immigration.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.careergraph.events.ImmigrationStatus;
import org.careergraph.events.ImmigrationStatus.MedianWage;
import org.careergraph.events.SalaryBand;
import org.careergraph.immigration.occupation.KnownOccupation;
import org.careergraph.immigration.policy.ReferenceRuleBooks;
import org.careergraph.immigration.rules.Country;
import org.careergraph.immigration.rules.Rule;
import org.careergraph.immigration.rules.RuleBook;
import org.careergraph.immigration.rules.RuleKind;
import org.junit.jupiter.api.Test;

/** The reference facts (shared/reference/immigration-rules.md), as the initial rule set makes the service read them. */
class ReferenceFactsTest {

    private static final RuleBook NZ = ReferenceRuleBooks.of(Country.NZ);
    private static final RuleBook US = ReferenceRuleBooks.of(Country.US);

    @Test
    void theMedianWageSeriesDependsOnTheSchemeAndTheDate() {
        assertEquals("29.66", median("RESIDENCE", "2023-06-01"));
        assertEquals("31.61", median("RESIDENCE", "2024-03-01"));
        assertEquals("29.66", median("AEWV", "2024-03-01"), "AEWV stayed at 29.66");
        assertEquals("33.56", median("RESIDENCE", "2025-09-01"));
        assertEquals("35.00", median("RESIDENCE", "2026-04-01"));
    }

    @Test
    void nzd80000ANearIsMeasuredAgainstADifferentMedianOnTheTwoDates() {
        KnownOccupation job = nz(null, 80_000);
        Assessment september = assess(job, NZ, "2025-09-01");
        Assessment april = assess(job, NZ, "2026-04-01");

        // NZD 80,000 / (52 x 40 h) = NZD 38.46/h: 1.15x the median on 2025-09-01, 1.10x on 2026-04-01.
        String smcSeptember = route(september, "SMC").explanation().en();
        String smcApril = route(april, "SMC").explanation().en();
        assertTrue(smcSeptember.contains("3 from NZD 50.34/h (1.5x), 4 from NZD 67.12/h (2x), 6 from NZD 100.68/h (3x)"),
                smcSeptember);
        assertTrue(smcApril.contains("3 from NZD 52.50/h (1.5x), 4 from NZD 70.00/h (2x), 6 from NZD 105.00/h (3x)"),
                smcApril);
        assertTrue(smcSeptember.contains("NZD 38.46/h (NZD 80,000 a year at 40 hours a week)"), smcSeptember);
        assertEquals(0, september.summary().smcIncomePoints());
        assertEquals(0, april.summary().smcIncomePoints());
        assertTrue(route(september, "SMC").rules().stream().anyMatch(r -> r.value().equals("33.56")));
        assertTrue(route(april, "SMC").rules().stream().anyMatch(r -> r.value().equals("35.00")));

        // Between 1.5x of 33.56 (50.34) and 1.5x of 35.00 (52.50) an hour, the income points differ.
        KnownOccupation higher = nz(null, 105_000);
        assertEquals(3, assess(higher, NZ, "2025-09-01").summary().smcIncomePoints(), "NZD 50.48/h >= 50.34");
        assertEquals(0, assess(higher, NZ, "2026-04-01").summary().smcIncomePoints(), "NZD 50.48/h < 52.50");
        assertEquals(4, assess(nz(null, 140_000), NZ, "2025-09-01").summary().smcIncomePoints());
        assertEquals(6, assess(nz(null, 210_000), NZ, "2025-09-01").summary().smcIncomePoints());
    }

    @Test
    void theMedianAYearIsTheResidenceMedianAtFortyHoursForFiftyTwoWeeks() {
        // 33.56 x 40 x 52 and 35.00 x 40 x 52: what the scoring service reads pay against.
        assertEquals(new MedianWage(new BigDecimal("69804.80"), "NZD"),
                assess(nz(null, 80_000), NZ, "2025-09-01").summary().medianWage());
        assertEquals(new MedianWage(new BigDecimal("72800"), "NZD"),
                assess(nz(null, 80_000), NZ, "2026-04-01").summary().medianWage());
    }

    @Test
    void theSmcWageRuleDependsOnTheSkillLevel() {
        assertEquals(Boolean.TRUE, assess(nz(2, 80_000), NZ, "2025-09-01").summary().smcEligible());
        assertEquals(Boolean.FALSE, assess(nz(4, 80_000), NZ, "2025-09-01").summary().smcEligible(),
                "level 4-5 needs 1.5x the median");
        assertNull(assess(nz(null, 80_000), NZ, "2025-09-01").summary().smcEligible(), "depends on the level");
        assertEquals(Boolean.TRUE, assess(nz(null, 110_000), NZ, "2025-09-01").summary().smcEligible());
        assertEquals(Boolean.FALSE, assess(nz(null, 60_000), NZ, "2025-09-01").summary().smcEligible());
    }

    @Test
    void theAewvWageRuleChangesOn10March2025() {
        KnownOccupation job = nz(4, 58_000); // NZD 27.88/h: under the 29.66 median, over the minimum wage
        Assessment before = assess(job, NZ, "2025-03-09");
        Assessment after = assess(job, NZ, "2025-03-10");

        assertEquals(Boolean.FALSE, before.summary().aewvEligible());
        assertEquals(Boolean.TRUE, after.summary().aewvEligible());
        String was = route(before, "AEWV").explanation().en();
        String is = route(after, "AEWV").explanation().en();
        assertTrue(was.contains("at least the median wage NZD 29.66/h") && was.contains("3 years' relevant work")
                && was.contains("up to 2 years at skill level 4"), was);
        assertTrue(is.contains("no median-wage floor since 2025-03-10") && is.contains("minimum wage NZD 23.15/h")
                && is.contains("2 years' relevant work") && is.contains("up to 3 years at skill level 4"), is);
        assertTrue(route(assess(job, NZ, "2025-04-01"), "AEWV").explanation().en().contains("NZD 23.50/h"));
        assertEquals(Boolean.FALSE, assess(nz(4, 40_000), NZ, "2025-04-01").summary().aewvEligible(),
                "NZD 19.23/h is under the minimum wage");
    }

    @Test
    void aewvNamesOccupationsByNolCodesFrom3November2025() {
        assertTrue(route(assess(nz(2, 80_000), NZ, "2025-11-02"), "AEWV").explanation().en()
                .contains("by its ANZSCO code."));
        String after = route(assess(nz(2, 80_000), NZ, "2025-11-03"), "AEWV").explanation().en();
        assertTrue(after.contains("by its NOL code (since 2025-11-03); this page gives ANZSCO 411215."), after);
    }

    @Test
    void nursesMovedToTier1On15December2022WithRegistration() {
        KnownOccupation nurse = new KnownOccupation("anzsco-254412", "ANZSCO", "254412", "註冊護士", "Registered Nurse",
                1, bands(90_000, "NZD"), List.of(), 1, Instant.EPOCH);
        Assessment assessment = assess(nurse, NZ, "2025-09-01");
        assertEquals(1, assessment.summary().greenListTier());
        assertEquals(LocalDate.parse("2022-12-15"), assessment.greenListSince());
        assertEquals(Boolean.TRUE, assessment.summary().greenListPayMet());
        String text = route(assessment, "GREEN_LIST").explanation().en();
        assertTrue(text.startsWith("Green List Tier 1 (Straight to Residence) since 2022-12-15.")
                && text.contains("registration is required"), text);
        assertNull(assess(nz(2, 80_000), NZ, "2025-09-01").summary().greenListTier(), "411215 is not listed");
        assertNull(assess(nurse, NZ, "2022-12-14").summary().greenListTier());
    }

    @Test
    void theHighlyPaidRouteOpensAtTwiceTheMedian() {
        assertEquals(Boolean.TRUE, assess(nz(3, 140_000), NZ, "2025-09-01").summary().highlyPaidResidence());
        assertEquals(Boolean.FALSE, assess(nz(3, 139_000), NZ, "2025-09-01").summary().highlyPaidResidence());
    }

    @Test
    void usRoutesFollowThePublishedDegreeAndTheWeightedSelection() {
        KnownOccupation socialWorker = new KnownOccupation("soc-21-1022", "SOC", "21-1022", "醫療社工",
                "Healthcare Social Workers", null, bands(70_000, "USD"),
                List.of("Master of Social Work (MSW)", "State license (LCSW/LMSW)"), 1, Instant.EPOCH,
                "Master's degree", "BLS Employment Projections 2023-33", 5);
        Assessment lottery = assess(socialWorker, US, "2025-06-01");
        assertEquals(List.of("H1B", "EB2", "PERM"), lottery.summary().usRoutes());
        assertEquals(1, lottery.summary().h1bSelectionEntries(), "unweighted: one entry");
        assertTrue(route(lottery, "H1B").explanation().en().contains("Registration fee USD 215."));

        Assessment weighted = assess(socialWorker, US, "2026-04-01");
        assertNull(weighted.summary().h1bSelectionEntries(), "no prevailing wages recorded for the code");
        assertTrue(route(weighted, "H1B").explanation().en().contains("level IV 4"));

        RuleBook withWages = ReferenceRuleBooks.of(Country.US, wage("I", 55_000), wage("II", 66_000),
                wage("III", 77_000), wage("IV", 88_000));
        assertEquals(2, assess(socialWorker, withWages, "2026-04-01").summary().h1bSelectionEntries(),
                "USD 70,000 is wage level II");

        KnownOccupation noDegree = new KnownOccupation("soc-43-4051", "SOC", "43-4051", "客服", "Customer Service",
                null, bands(40_000, "USD"), List.of(), 1, Instant.EPOCH, "High school diploma or equivalent",
                "BLS Employment Projections 2023-33", 2);
        assertEquals(List.of("PERM"), assess(noDegree, US, "2026-04-01").summary().usRoutes());
        assertEquals(new MedianWage(new BigDecimal("49500"), "USD"), assess(noDegree, US, "2026-04-01").summary().medianWage());
        assertNull(assess(noDegree, US, "2025-04-01").summary().medianWage(), "before the BLS release");
        assertEquals(ImmigrationStatus.NONE, assess(socialWorker, NZ, "2026-04-01").summary(), "NZ rules use ANZSCO");
    }

    @Test
    void aPublishedEntryEducationDecidesTheDegreeBeforeThePagesWords() {
        KnownOccupation analysts = new KnownOccupation("soc-15-2051", "SOC", "15-2051", "資料科學家",
                "Data Scientists", null, bands(112_590, "USD"), List.of(), 2, Instant.EPOCH, "Bachelor's degree",
                "BLS Employment Projections 2022-32", null);
        Assessment degree = assess(analysts, US, "2026-04-01");
        assertEquals(List.of("H1B", "EB2", "PERM"), degree.summary().usRoutes(),
                "a bachelor's: H-1B, and EB-2 with progressive experience");
        assertTrue(route(degree, "H1B").explanation().en().contains("The typical entry education is \"Bachelor's"
                + " degree\" (BLS Employment Projections 2022-32), so it qualifies."), route(degree, "H1B")
                .explanation().en());
        assertTrue(route(degree, "H1B").explanation().zh().contains("典型入行學歷為「Bachelor's degree」"));

        KnownOccupation cashiers = new KnownOccupation("soc-41-2011", "SOC", "41-2011", "收銀員", "Cashiers", null,
                bands(30_000, "USD"), List.of("Bachelor of Commerce"), 2, Instant.EPOCH,
                "No formal educational credential", "BLS Employment Projections 2022-32", null);
        assertEquals(List.of("PERM"), assess(cashiers, US, "2026-04-01").summary().usRoutes(),
                "the published figure, not a page's qualification list");

        KnownOccupation physicians = new KnownOccupation("soc-29-1216", "SOC", "29-1216", "內科醫師",
                "General Internal Medicine Physicians", null, bands(250_000, "USD"), List.of(), 2, Instant.EPOCH,
                "Doctoral or professional degree", "BLS Employment Projections 2022-32", null);
        assertEquals(List.of("H1B", "EB2", "PERM"), assess(physicians, US, "2026-04-01").summary().usRoutes());
    }

    private static Rule wage(String level, int amount) {
        return new Rule(RuleKind.PREVAILING_WAGE, "SOC", "21-1022", level, String.valueOf(amount),
                LocalDate.parse("2025-07-01"), null, "wages", "DOL OFLC", "admin", Instant.EPOCH, false, 1000);
    }

    private static KnownOccupation nz(Integer skillLevel, int annual) {
        return new KnownOccupation("anzsco-411215", "ANZSCO", "411215", "社區服務工作者", "Community Services Worker",
                skillLevel, bands(annual, "NZD"), List.of(), 1, Instant.EPOCH);
    }

    /** Three bands whose middle one is exactly {@code annual}. */
    private static List<SalaryBand> bands(int annual, String currency) {
        BigDecimal mid = BigDecimal.valueOf(annual);
        return List.of(new SalaryBand("junior", mid.subtract(BigDecimal.TEN), mid, currency, null),
                new SalaryBand("mid", mid, mid, currency, null),
                new SalaryBand("senior", mid, mid.add(BigDecimal.TEN), currency, null));
    }

    private static Assessment assess(KnownOccupation occupation, RuleBook book, String date) {
        return StatusCalculator.assess(occupation, book, LocalDate.parse(date));
    }

    private static Route route(Assessment assessment, String name) {
        return assessment.routes().stream().filter(r -> r.route().equals(name)).findFirst().orElseThrow();
    }

    private static String median(String key, String date) {
        return NZ.on(LocalDate.parse(date)).setting(RuleKind.MEDIAN_WAGE, key).map(Rule::value).orElseThrow();
    }
}

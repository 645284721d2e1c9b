package org.careergraph.immigration.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.careergraph.events.ImmigrationStatus.MedianWage;
import org.careergraph.events.SalaryBand;
import org.careergraph.immigration.occupation.KnownOccupation;
import org.careergraph.immigration.policy.ReferenceRuleBooks;
import org.careergraph.immigration.rules.Country;
import org.careergraph.immigration.rules.Explanation;
import org.careergraph.immigration.rules.Rule;
import org.careergraph.immigration.rules.RuleBook;
import org.careergraph.immigration.rules.RuleKind;
import org.careergraph.immigration.status.Route.State;
import org.careergraph.immigration.status.Route.UnknownBecause;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * NZ routes for ANZSCO occupations at each skill level, with and without a pay figure. Rules on 2026-04-01: the
 * initial rule set (residence median NZD 35.00/h; SMC wage rule 1x the median at levels 1-3 = NZD 35.00/h, 1.5x at
 * 4-5 = NZD 52.50/h; income points 3 / 4 / 6 from 1.5x / 2x / 3x = NZD 52.50 / 70.00 / 105.00; AEWV: the market rate
 * and at least the minimum wage NZD 23.50/h, visas of 3 years at levels 4-5; highly paid at 2x = NZD 70.00/h; 40 hours
 * a week) plus, for this test only, AEWV visas of 5 years at levels 1-3, which the reference does not record.
 */
class NewZealandRoutesTest {

    private static final RuleBook NZ = ReferenceRuleBooks.of(Country.NZ, visaYears("1"), visaYears("2"),
            visaYears("3"));
    private static final LocalDate DATE = LocalDate.parse("2026-04-01");
    private static final String NO_PAY_EN = "the catalog has no NZ pay for this occupation (ANZSCO publishes none and"
            + " the page gives no NZD salary band), so whether it meets the rule cannot be told.";
    private static final String NO_PAY_ZH = "目錄沒有此職業的紐西蘭薪資（ANZSCO 不公布薪資，本頁也沒有紐幣薪資級距），因此無法判斷是否符合規則。";

    /**
     * NZD 90,000 a year = 90,000 / (52 x 40) = NZD 43.27/h: over 35.00 (levels 1-3), under 52.50 (levels 4-5); no
     * income points. NZD 110,000 = NZD 52.88/h: over 52.50 at every level, 3 income points (52.88 >= 52.50, < 70.00).
     * Both clear the minimum wage 23.50 (AEWV) and neither reaches 70.00 (highly paid).
     */
    @ParameterizedTest
    @CsvSource({
            "1, 90000, NZD 35.00/h (1x, true, 0, 5",
            "2, 90000, NZD 35.00/h (1x, true, 0, 5",
            "3, 90000, NZD 35.00/h (1x, true, 0, 5",
            "4, 90000, NZD 52.50/h (1.5x, false, 0, 3",
            "5, 90000, NZD 52.50/h (1.5x, false, 0, 3",
            "1, 110000, NZD 35.00/h (1x, true, 3, 5",
            "4, 110000, NZD 52.50/h (1.5x, true, 3, 3",
            "5, 110000, NZD 52.50/h (1.5x, true, 3, 3"})
    void withAPayFigureEachSkillLevelIsMeasuredAgainstItsOwnWageRule(int level, int annual, String smcThreshold,
                                                                      boolean smcMet, int incomePoints,
                                                                      int visaYears) {
        Assessment status = assess(anzsco(level, annual));

        assertEquals(smcMet, status.summary().smcEligible());
        assertEquals(incomePoints, status.summary().smcIncomePoints());
        assertEquals(Boolean.TRUE, status.summary().aewvEligible());
        assertEquals(Boolean.FALSE, status.summary().highlyPaidResidence());
        assertNull(status.summary().greenListTier(), "411215 is not on the Green List");
        Route smc = route(status, "SMC");
        assertEquals(smcMet ? State.OPEN : State.CLOSED, smc.state());
        assertNull(smc.unknownBecause());
        assertTrue(smc.explanation().en().startsWith("Skilled Migrant Category: a job at ANZSCO skill level " + level
                + " must pay at least " + smcThreshold + " the median NZD 35.00/h); the mid-level pay NZD "
                + (annual == 90_000 ? "43.27" : "52.88") + "/h"), smc.explanation().en());
        assertTrue(smc.explanation().en().contains("Income points at the mid-level pay: " + incomePoints + " ("),
                smc.explanation().en());
        Route aewv = route(status, "AEWV");
        assertEquals(State.OPEN, aewv.state());
        assertTrue(aewv.explanation().en().contains("The visa lasts up to " + visaYears + " years at skill level "
                + level + "."), aewv.explanation().en());
        assertTrue(aewv.explanation().zh().contains("技能等級 " + level + " 的簽證最長 " + visaYears + " 年。"));
        assertEquals(State.CLOSED, route(status, "HIGHLY_PAID_WORK_TO_RESIDENCE").state());
        assertEquals(State.CLOSED, route(status, "GREEN_LIST").state());
    }

    @ParameterizedTest
    @CsvSource({
            "1, NZD 35.00/h (1x, 每小時 NZD 35.00（中位工資 每小時 NZD 35.00 的 1 倍）, 5",
            "2, NZD 35.00/h (1x, 每小時 NZD 35.00（中位工資 每小時 NZD 35.00 的 1 倍）, 5",
            "3, NZD 35.00/h (1x, 每小時 NZD 35.00（中位工資 每小時 NZD 35.00 的 1 倍）, 5",
            "4, NZD 52.50/h (1.5x, 每小時 NZD 52.50（中位工資 每小時 NZD 35.00 的 1.5 倍）, 3",
            "5, NZD 52.50/h (1.5x, 每小時 NZD 52.50（中位工資 每小時 NZD 35.00 的 1.5 倍）, 3"})
    void withoutAPayFigureEveryPayRuleIsUnknownAndSaysWhy(int level, String smcThreshold, String smcThresholdZh,
                                                          int visaYears) {
        Assessment status = assess(anzsco(level, null));

        assertNull(status.summary().smcEligible());
        assertNull(status.summary().smcIncomePoints());
        assertNull(status.summary().aewvEligible());
        assertNull(status.summary().highlyPaidResidence());
        assertNull(status.summary().greenListPayMet());
        assertEquals(new MedianWage(new BigDecimal("72800"), "NZD"), status.summary().medianWage(),
                "the median is a rule, not the occupation's pay");
        for (String name : List.of("SMC", "AEWV", "HIGHLY_PAID_WORK_TO_RESIDENCE")) {
            Route route = route(status, name);
            assertEquals(State.UNKNOWN, route.state(), name);
            assertNull(route.open(), name);
            assertEquals(UnknownBecause.NO_PAY_FIGURE, route.unknownBecause(), name);
            assertTrue(route.explanation().en().startsWith("Unknown: no pay figure. "), route.explanation().en());
            assertTrue(route.explanation().en().contains(NO_PAY_EN), route.explanation().en());
            assertTrue(route.explanation().zh().startsWith("未知：沒有薪資數據。"), route.explanation().zh());
            assertTrue(route.explanation().zh().contains(NO_PAY_ZH), route.explanation().zh());
        }
        Explanation smc = route(status, "SMC").explanation();
        assertTrue(smc.en().startsWith("Unknown: no pay figure. Skilled Migrant Category: a job at ANZSCO skill level "
                + level + " must pay at least " + smcThreshold + " the median NZD 35.00/h); " + NO_PAY_EN), smc.en());
        assertTrue(smc.zh().startsWith("未知：沒有薪資數據。技術移民類別：ANZSCO 技能等級 " + level + " 的工作時薪須至少 "
                + smcThresholdZh + "；" + NO_PAY_ZH), smc.zh());
        assertTrue(smc.en().contains("Income points: not known without a pay figure (3 from NZD 52.50/h (1.5x), 4 from"
                + " NZD 70.00/h (2x), 6 from NZD 105.00/h (3x))."), smc.en());
        Explanation aewv = route(status, "AEWV").explanation();
        assertTrue(aewv.en().startsWith("Unknown: no pay figure. Accredited Employer Work Visa: no median-wage floor"
                + " since 2025-03-10; the job must pay the market rate and at least the minimum wage NZD 23.50/h; "
                + NO_PAY_EN), aewv.en());
        assertTrue(aewv.en().contains("The visa lasts up to " + visaYears + " years at skill level " + level + "."));
        assertTrue(route(status, "HIGHLY_PAID_WORK_TO_RESIDENCE").explanation().en().startsWith("Unknown: no pay figure."
                + " Highly paid Work to Residence: any role paying at least NZD 70.00/h (2x the median); "));
        assertEquals(State.CLOSED, route(status, "GREEN_LIST").state(), "off the list, whatever the pay");
    }

    @Test
    void aListedRoleWithoutAPayFigureHasAnUnknownGreenListRoute() {
        Assessment status = assess(nurse(List.of()));

        assertEquals(1, status.summary().greenListTier());
        assertNull(status.summary().greenListPayMet());
        Route greenList = route(status, "GREEN_LIST");
        assertEquals(State.UNKNOWN, greenList.state());
        assertEquals(UnknownBecause.NO_PAY_FIGURE, greenList.unknownBecause());
        assertEquals("Green List Tier 1 (Straight to Residence) since 2022-12-15. Unknown: no pay figure. The role must"
                + " pay at least NZD 35.00/h (the median); " + NO_PAY_EN + " NZ occupational registration is required.",
                greenList.explanation().en());
        assertEquals("綠名單第一級（直接居留），自 2022-12-15 起。未知：沒有薪資數據。此職位時薪須至少 每小時 NZD 35.00（中位工資）；"
                + NO_PAY_ZH + "須取得紐西蘭職業註冊。", greenList.explanation().zh());

        // NZD 70,000 = NZD 33.65/h, under the median: listed, but not open at that pay; NZD 80,000 = 38.46/h is.
        assertEquals(State.CLOSED, route(assess(nurse(bands(70_000))), "GREEN_LIST").state());
        assertEquals(Boolean.FALSE, assess(nurse(bands(70_000))).summary().greenListPayMet());
        assertEquals(State.OPEN, route(assess(nurse(bands(80_000))), "GREEN_LIST").state());
    }

    @Test
    void withoutASkillLevelTheSmcWageRuleIsUnknownOnlyBetweenTheLevelsThresholds() {
        // NZD 80,000 = NZD 38.46/h: over 35.00 (levels 1-3), under 52.50 (levels 4-5).
        Route between = route(assess(anzsco(null, 80_000)), "SMC");
        assertEquals(State.UNKNOWN, between.state());
        assertEquals(UnknownBecause.NO_SKILL_LEVEL, between.unknownBecause());
        assertTrue(between.explanation().en().startsWith("Unknown: no skill level. Skilled Migrant Category: a job must"
                + " pay at least NZD 35.00/h at skill level 1-3, NZD 52.50/h at skill level 4-5 (multiples of the median"
                + " NZD 35.00/h); the catalog gives no ANZSCO skill level for this occupation, and the mid-level pay"
                + " NZD 38.46/h (NZD 80,000 a year at 40 hours a week) meets only the lower ones"),
                between.explanation().en());
        assertTrue(between.explanation().zh().startsWith("未知：沒有技能等級。"));

        assertEquals(State.OPEN, route(assess(anzsco(null, 110_000)), "SMC").state(), "NZD 52.88/h meets every one");
        assertEquals(State.CLOSED, route(assess(anzsco(null, 60_000)), "SMC").state(), "NZD 28.85/h meets none");
        assertEquals(UnknownBecause.NO_PAY_FIGURE, route(assess(anzsco(null, null)), "SMC").unknownBecause(),
                "without pay, the pay is what is missing first");
        assertTrue(route(assess(anzsco(null, 80_000)), "AEWV").explanation().en().contains("The visa lasts up to 5"
                + " years at skill level 1-3, 3 years at skill level 4-5; the catalog gives no ANZSCO skill level"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void aLevelWithoutARecordedVisaLengthSaysSo(int level) {
        Assessment status = StatusCalculator.assess(anzsco(level, 90_000), ReferenceRuleBooks.of(Country.NZ), DATE);
        assertTrue(route(status, "AEWV").explanation().en().contains("No visa length is recorded for skill level "
                + level + " (the rules record up to 3 years at skill level 4-5)."), route(status, "AEWV").explanation()
                .en());
    }

    @Test
    void theStatusAnswerNamesEachRoutesStateAndWhyItIsUnknown() throws IOException {
        ObjectMapper json = ObjectMapper.getDefault();
        Map<?, ?> unknown = json.readValue(json.writeValueAsString(route(assess(anzsco(2, null)), "SMC")), Map.class);
        assertEquals("UNKNOWN", unknown.get("state"));
        assertTrue(unknown.containsKey("open") && unknown.get("open") == null, "open is written as null");
        assertEquals("NO_PAY_FIGURE", unknown.get("unknownBecause"));

        Map<?, ?> open = json.readValue(json.writeValueAsString(route(assess(anzsco(2, 90_000)), "SMC")), Map.class);
        assertEquals("OPEN", open.get("state"));
        assertEquals(true, open.get("open"));
        assertTrue(open.containsKey("unknownBecause") && open.get("unknownBecause") == null);
    }

    private static KnownOccupation anzsco(Integer skillLevel, Integer annual) {
        return new KnownOccupation("anzsco-411215", "ANZSCO", "411215", "社區服務工作者", "Community Services Worker",
                skillLevel, annual == null ? List.of() : bands(annual), List.of(), 1, Instant.EPOCH);
    }

    private static KnownOccupation nurse(List<SalaryBand> bands) {
        return new KnownOccupation("anzsco-254412", "ANZSCO", "254412", "註冊護士", "Registered Nurse", 1, bands,
                List.of(), 1, Instant.EPOCH);
    }

    private static List<SalaryBand> bands(int annual) {
        BigDecimal mid = BigDecimal.valueOf(annual);
        return List.of(new SalaryBand("mid", mid, mid, "NZD", null));
    }

    private static Rule visaYears(String level) {
        return new Rule(RuleKind.AEWV_VISA_YEARS, null, null, level, "5", LocalDate.parse("2025-03-10"), null,
                "test-visa-years", "test: AEWV up to 5 years at skill levels 1-3", "test", Instant.EPOCH, false,
                2000 + Integer.parseInt(level));
    }

    private static Assessment assess(KnownOccupation occupation) {
        return StatusCalculator.assess(occupation, NZ, DATE);
    }

    private static Route route(Assessment assessment, String name) {
        return assessment.routes().stream().filter(r -> r.route().equals(name)).findFirst().orElseThrow();
    }
}

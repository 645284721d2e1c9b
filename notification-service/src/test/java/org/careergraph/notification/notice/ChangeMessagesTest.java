package org.careergraph.notification.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.careergraph.events.FieldChange;
import org.careergraph.events.ImmigrationStatus;
import org.careergraph.events.ImmigrationStatusChanged;
import org.careergraph.events.OccupationChanged;
import org.careergraph.events.OccupationFacts;
import org.careergraph.events.PolicyUpdated;
import org.careergraph.events.RuleChange;
import org.careergraph.events.Score;
import org.careergraph.events.ScoreChanged;
import org.careergraph.notification.occupation.Occupation;
import org.junit.jupiter.api.Test;

class ChangeMessagesTest {

    private static final String SOURCE = "Immigration NZ Operational Manual, Appendix 13 (Green List)";
    private static final Occupation WORKER = new Occupation("anzsco-411215", "ANZSCO", "411215",
            "Community Services Worker", "社區服務工作者", 2, Instant.parse("2026-11-20T09:15:00Z"));
    private static final LocalDate DECEMBER_FIRST = LocalDate.parse("2026-12-01");
    private static final Occupation DATA_SCIENTISTS = new Occupation("soc-15-2051", "SOC", "15-2051",
            "Data Scientists", "資料科學家", 3, Instant.parse("2026-12-03T08:00:00Z"));

    @Test
    void aGreenListMoveSaysFromWhichTierToWhichFromWhenAndTheSource() {
        Message message = ChangeMessages.statusChanged(WORKER, status(2, 1, SOURCE));
        assertEquals("Community Services Worker (anzsco-411215): Green List Tier 2 -> Tier 1 from 2026-12-01 "
                + "(source: " + SOURCE + ")", message.en());
        assertEquals("社區服務工作者 (anzsco-411215)：綠名單第二級 -> 第一級，自 2026-12-01 起（來源：" + SOURCE + "）",
                message.zh());
    }

    @Test
    void joiningAndLeavingTheGreenListAndAStatusWithoutASourceGiveTheReason() {
        Message joined = ChangeMessages.statusChanged(WORKER, status(null, 2, SOURCE));
        assertEquals("Community Services Worker (anzsco-411215): not on the Green List -> Green List Tier 2 from "
                + "2026-12-01 (source: " + SOURCE + ")", joined.en());
        assertEquals("社區服務工作者 (anzsco-411215)：不在綠名單 -> 綠名單第二級，自 2026-12-01 起（來源：" + SOURCE + "）",
                joined.zh());

        Message left = ChangeMessages.statusChanged(WORKER, status(1, null, null));
        assertEquals("Community Services Worker (anzsco-411215): Green List Tier 1 -> off the Green List from "
                + "2026-12-01 (reason: skill level changed)", left.en());
        assertEquals("社區服務工作者 (anzsco-411215)：綠名單第一級 -> 移出綠名單，自 2026-12-01 起（原因：skill level changed）",
                left.zh());
    }

    @Test
    void aStatusChangeThatSaysWhatChangedInBothLanguagesIsToldInItsWords() {
        ImmigrationStatus before = new ImmigrationStatus(2, true, true, 0, true, false, null, null, null);
        ImmigrationStatus after = new ImmigrationStatus(2, true, true, 3, true, false, null, null, null);
        ImmigrationStatusChanged change = new ImmigrationStatusChanged("anzsco-411215", "NZ", DECEMBER_FIRST, before,
                after, "p-1", SOURCE, "SMC income points 0 -> 3", "技術移民收入分數 0 -> 3");

        Message message = ChangeMessages.statusChanged(WORKER, change);
        assertEquals("Community Services Worker (anzsco-411215): NZ immigration status: SMC income points 0 -> 3 "
                + "from 2026-12-01 (source: " + SOURCE + ")", message.en());
        assertEquals("社區服務工作者 (anzsco-411215)：NZ 移民狀態：技術移民收入分數 0 -> 3，自 2026-12-01 起（來源：" + SOURCE
                + "）", message.zh());
    }

    @Test
    void aStatusChangeWithoutASourceDoesNotRepeatItsReason() {
        ImmigrationStatusChanged change = new ImmigrationStatusChanged("anzsco-411215", "NZ", DECEMBER_FIRST,
                new ImmigrationStatus(1), new ImmigrationStatus(null), null, null, "skill level 4 -> 5: off the Green "
                + "List", "技能等級 4 -> 5：移出綠名單");

        Message message = ChangeMessages.statusChanged(WORKER, change);
        assertEquals("Community Services Worker (anzsco-411215): NZ immigration status: skill level 4 -> 5: off the "
                + "Green List from 2026-12-01", message.en());
        assertEquals("社區服務工作者 (anzsco-411215)：NZ 移民狀態：技能等級 4 -> 5：移出綠名單，自 2026-12-01 起", message.zh());
    }

    @Test
    void aScoreChangeListsTheOverallAndTheDimensionsThatMoved() {
        Map<String, BigDecimal> before = new LinkedHashMap<>();
        before.put("income", new BigDecimal("5.6"));
        before.put("prFriendliness", new BigDecimal("6.0"));
        Map<String, BigDecimal> after = new LinkedHashMap<>();
        after.put("income", new BigDecimal("5.60"));
        after.put("prFriendliness", new BigDecimal("8.0"));
        ScoreChanged change = new ScoreChanged("anzsco-411215", "skeleton-1", new Score(new BigDecimal("5.8"), before),
                new Score(new BigDecimal("6.8"), after), "Green List tier 2 -> 1", "cause-1",
                "careergraph.immigration.status-changed.v1");

        Message message = ChangeMessages.scoreChanged(WORKER, change, LocalDate.parse("2026-11-20"));
        assertEquals("Community Services Worker (anzsco-411215): overall score 5.8 -> 6.8, PR friendliness 6.0 -> 8.0 "
                + "from 2026-11-20 (reason: Green List tier 2 -> 1)", message.en());
        assertEquals("社區服務工作者 (anzsco-411215)：總分 5.8 -> 6.8，永居友善度 6.0 -> 8.0，自 2026-11-20 起"
                + "（原因：Green List tier 2 -> 1）", message.zh());
    }

    @Test
    void aFirstScoreHasNothingBefore() {
        ScoreChanged change = new ScoreChanged("anzsco-411215", "skeleton-1", null,
                new Score(new BigDecimal("7.0"), Map.of("income", new BigDecimal("7.0"))), "first score", "c", "t");
        Message message = ChangeMessages.scoreChanged(WORKER, change, LocalDate.parse("2026-11-20"));
        assertEquals("Community Services Worker (anzsco-411215): overall score none -> 7.0, income none -> 7.0 "
                + "from 2026-11-20 (reason: first score)", message.en());
        assertEquals("社區服務工作者 (anzsco-411215)：總分 無 -> 7.0，收入 無 -> 7.0，自 2026-11-20 起（原因：first score）",
                message.zh());
    }

    @Test
    void aScoreMovedByNewFiguresNamesEachFigureWithItsReleaseThenTheScore() {
        ScoreChanged change = dataScientistsScore(List.of(
                new FieldChange("/published/medianWage", 108020, new BigDecimal("112590")),
                new FieldChange("/published/wageRelease", "BLS OEWS May 2023", "BLS OEWS May 2024"),
                new FieldChange("/published/allOccupationsMedianWage", 48060L, 49500.0)));

        Message message = ChangeMessages.scoreChanged(DATA_SCIENTISTS, change, LocalDate.parse("2026-12-03"));
        assertEquals("Data Scientists (soc-15-2051): median pay USD 108,020 -> 112,590 (OEWS May 2023 -> May 2024); "
                + "all occupations' median USD 48,060 -> 49,500; income 7.1 -> 7.3; overall 6.2 -> 6.3 from 2026-12-03 "
                + "(reason: catalog revision 3 changed [/official/wages, /salaryBands])", message.en());
        assertEquals("資料科學家 (soc-15-2051)：薪資中位數 USD 108,020 -> 112,590（OEWS May 2023 -> May 2024）；"
                + "全體職業薪資中位數 USD 48,060 -> 49,500；收入 7.1 -> 7.3；總分 6.2 -> 6.3，自 2026-12-03 起"
                + "（原因：catalog revision 3 changed [/official/wages, /salaryBands]）", message.zh());
    }

    @Test
    void figuresThatCameAsStringsAreToldAsTheSameNumbers() {
        ScoreChanged asNumbers = dataScientistsScore(List.of(
                new FieldChange("/published/medianWage", 108020, 112590),
                new FieldChange("/published/wageRelease", "BLS OEWS May 2023", "BLS OEWS May 2024"),
                new FieldChange("/published/employmentChange", new BigDecimal("3.50"), 4.1),
                new FieldChange("/published/annualOpenings", new BigDecimal("17.7"), 18)));
        ScoreChanged asStrings = dataScientistsScore(List.of(
                new FieldChange("/published/medianWage", "108020", "112590.00"),
                new FieldChange("/published/wageRelease", "BLS OEWS May 2023", "BLS OEWS May 2024"),
                new FieldChange("/published/employmentChange", "3.5", "4.10"),
                new FieldChange("/published/annualOpenings", "17.7", " 18 ")));

        LocalDate asOf = LocalDate.parse("2026-12-03");
        Message message = ChangeMessages.scoreChanged(DATA_SCIENTISTS, asNumbers, asOf);
        assertEquals(message, ChangeMessages.scoreChanged(DATA_SCIENTISTS, asStrings, asOf));
        assertTrue(message.en().contains(": median pay USD 108,020 -> 112,590 (OEWS May 2023 -> May 2024); "
                + "projected employment change 3.5% -> 4.1%; openings a year 17,700 -> 18,000; income "), message.en());
        assertTrue(message.zh().contains("：薪資中位數 USD 108,020 -> 112,590（OEWS May 2023 -> May 2024）；"
                + "預估就業變化 3.5% -> 4.1%；每年職缺 17,700 -> 18,000；收入 "), message.zh());
    }

    @Test
    void aFigureWithoutAValueBeforeIsNewAndAnUnchangedReleaseIsNotTold() {
        ScoreChanged change = dataScientistsScore(List.of(
                new FieldChange("/published/medianWage", null, 112590),
                new FieldChange("/published/wageRelease", "BLS OEWS May 2024", "BLS OEWS May 2024"),
                new FieldChange("/published/llmExposureGpt4", "0.40", new BigDecimal("0.450"))));

        Message message = ChangeMessages.scoreChanged(DATA_SCIENTISTS, change, LocalDate.parse("2026-12-03"));
        assertTrue(message.en().startsWith("Data Scientists (soc-15-2051): median pay none -> USD 112,590; "
                + "LLM exposure (GPT-4 rated) 0.4 -> 0.45; income 7.1 -> 7.3; overall 6.2 -> 6.3 from "), message.en());
        assertTrue(message.zh().startsWith("資料科學家 (soc-15-2051)：薪資中位數 無 -> USD 112,590；"
                + "大型語言模型暴露度（GPT-4 評估） 0.4 -> 0.45；收入 7.1 -> 7.3；總分 6.2 -> 6.3，"), message.zh());
    }

    @Test
    void aReleaseThatChangedWithoutItsFiguresIsToldOnItsOwn() {
        ScoreChanged change = dataScientistsScore(List.of(
                new FieldChange("/published/jobZone", 4, 5),
                new FieldChange("/published/projectionsRelease", "BLS Employment Projections 2022-32",
                        "BLS Employment Projections 2023-33")));

        Message message = ChangeMessages.scoreChanged(DATA_SCIENTISTS, change, LocalDate.parse("2026-12-03"));
        assertTrue(message.en().contains(": job zone (O*NET) 4 -> 5; US employment projections release: "
                + "Employment Projections 2022-32 -> 2023-33; income 7.1 -> 7.3"), message.en());
        assertTrue(message.zh().contains("：職業準備等級（O*NET） 4 -> 5；美國就業預測資料版本："
                + "Employment Projections 2022-32 -> 2023-33；收入 7.1 -> 7.3"), message.zh());
    }

    @Test
    void releaseNamesSayTheSeriesOnceAndTheDateWhole() {
        assertEquals("OEWS May 2023 -> May 2024", ChangeMessages.releaseMove("BLS OEWS May 2023", "BLS OEWS May 2024"));
        assertEquals("GPTs are GPTs 2023 -> 2024", ChangeMessages.releaseMove("GPTs are GPTs 2023", "GPTs are GPTs 2024"));
        assertEquals("O*NET 29.3 -> 30.1", ChangeMessages.releaseMove("O*NET 29.3", "O*NET 30.1"));
        assertEquals("none -> OEWS May 2024", ChangeMessages.releaseMove(null, "BLS OEWS May 2024"));
        assertEquals("Working with AI 2025 -> AI usage atlas 2026",
                ChangeMessages.releaseMove("Working with AI 2025", "AI usage atlas 2026"));
    }

    @Test
    void aReleaseAndTheScoreMoveItCausedAreToldAsOne() {
        OccupationChanged release = new OccupationChanged("soc-15-2051", 3, OccupationChanged.ChangeKind.UPDATED,
                new OccupationFacts("資料科學家", "Data Scientists", "SOC", "15-2051", 4, List.of()), List.of(
                        new FieldChange("/official/wages", Map.of("employment", 192710), Map.of("employment", 202900)),
                        new FieldChange("/salaryBands", List.of(), List.of())),
                "release: BLS OEWS May 2024", Instant.parse("2026-12-03T08:00:00Z"));
        ScoreChanged score = dataScientistsScore(List.of(
                new FieldChange("/published/medianWage", "108020", "112590"),
                new FieldChange("/published/wageRelease", "BLS OEWS May 2023", "BLS OEWS May 2024"),
                new FieldChange("/published/allOccupationsMedianWage", "48060", "49500")));

        Message message = ChangeMessages.releaseScored(release, score);
        assertEquals("Data Scientists (soc-15-2051): median pay USD 108,020 -> 112,590 (OEWS May 2023 -> May 2024); "
                + "all occupations' median USD 48,060 -> 49,500; also updated: salary bands; income 7.1 -> 7.3; "
                + "overall 6.2 -> 6.3 from 2026-12-03 (new official release: BLS OEWS May 2024; catalog revision 3)",
                message.en());
        assertEquals("資料科學家 (soc-15-2051)：薪資中位數 USD 108,020 -> 112,590（OEWS May 2023 -> May 2024）；"
                + "全體職業薪資中位數 USD 48,060 -> 49,500；另有更新：薪資範圍；收入 7.1 -> 7.3；總分 6.2 -> 6.3，"
                + "自 2026-12-03 起（官方新版資料：BLS OEWS May 2024；職業目錄第 3 版）", message.zh());

        Message withoutFigures = ChangeMessages.releaseScored(release, dataScientistsScore(List.of()));
        assertTrue(withoutFigures.en().contains("(soc-15-2051): US wages (BLS OEWS): employment=192710 -> "
                + "employment=202900; salary bands: none -> none; income 7.1 -> 7.3; overall 6.2 -> 6.3 from "),
                withoutFigures.en());
        OccupationChanged created = new OccupationChanged("soc-15-2051", 1, OccupationChanged.ChangeKind.CREATED,
                release.occupation(), release.changes(), release.changedBy(), release.changedAt());
        assertEquals("Data Scientists (soc-15-2051): added to the catalog; income 7.1 -> 7.3; overall 6.2 -> 6.3 from "
                + "2026-12-03 (new official release: BLS OEWS May 2024; catalog revision 1)",
                ChangeMessages.releaseScored(created, score).en(), "a new page's figures are all new: not listed");
    }

    @Test
    void aCatalogEditShowsEachFieldBeforeAndAfterWithTheRevision() {
        Map<String, Object> bandBefore = band("mid", 58000, 72000.0);
        Map<String, Object> bandAfter = band("mid", 60000, 75000);
        OccupationChanged change = new OccupationChanged("anzsco-411215", 3, OccupationChanged.ChangeKind.UPDATED,
                facts("Community Services Practitioner"), List.of(
                        new FieldChange("/salaryBands/1", bandBefore, bandAfter),
                        new FieldChange("/title/en", "Community Services Worker", "Community Services Practitioner"),
                        new FieldChange("/skillLevel", null, 4)),
                "editor@example", Instant.parse("2026-11-20T23:30:00Z"));

        Message message = ChangeMessages.occupationChanged(change);
        assertEquals("Community Services Practitioner (anzsco-411215): salary band 2: mid 58000-72000 NZD -> "
                + "mid 60000-75000 NZD; English title: Community Services Worker -> Community Services Practitioner; "
                + "skill level: none -> 4 from 2026-11-20 (catalog revision 3)", message.en());
        assertEquals("社區服務工作者 (anzsco-411215)：薪資範圍 2：mid 58000-72000 NZD -> mid 60000-75000 NZD；"
                + "英文名稱：Community Services Worker -> Community Services Practitioner；技能等級：無 -> 4，"
                + "自 2026-11-20 起（職業目錄第 3 版）", message.zh());
    }

    @Test
    void pageSectionsAreNamedAndLongValuesShortened() {
        List<Object> tools = java.util.Collections.nCopies(20, Map.of("name", "ChatGPT", "impact", "PARTIAL"));
        OccupationChanged change = new OccupationChanged("anzsco-411215", 4, OccupationChanged.ChangeKind.UPDATED,
                facts("Community Services Worker"), List.of(new FieldChange("/aiImpact/tools", null, tools),
                        new FieldChange("/summary/zh", null, "社區服務工作者支援個人與家庭")),
                "editor@example", Instant.parse("2026-11-20T08:00:00Z"));
        Message message = ChangeMessages.occupationChanged(change);
        assertTrue(message.en().contains("AI tools already replacing the job: none -> ")
                && message.en().contains("name=ChatGPT"), message.en());
        assertTrue(message.en().contains("…; summary: none -> 社區服務工作者支援個人與家庭"), message.en());
        assertTrue(message.zh().contains("已在取代此工作的 AI 工具："), message.zh());
        assertTrue(message.en().length() < 500, "a long list is cut: " + message.en().length());
    }

    @Test
    void aNewReleaseIsTheReasonAndTheOfficialSectionsAreNamed() {
        OccupationChanged change = new OccupationChanged("soc-29-1141", 3, OccupationChanged.ChangeKind.UPDATED,
                facts("Registered Nurses"), List.of(new FieldChange("/official/wages/employment", 3282010, 3335680)),
                "release: BLS OEWS May 2024", Instant.parse("2026-12-03T08:00:00Z"));
        Message message = ChangeMessages.occupationChanged(change);
        assertEquals("Registered Nurses (soc-29-1141): US wages (BLS OEWS) (employment): 3282010 -> 3335680 from"
                + " 2026-12-03 (new official release: BLS OEWS May 2024; catalog revision 3)", message.en());
        assertTrue(message.zh().contains("美國薪資（BLS OEWS）（employment）：3282010 -> 3335680")
                && message.zh().contains("官方新版資料：BLS OEWS May 2024"), message.zh());
        assertEquals(List.of(NoticeKind.SALARY, NoticeKind.CATALOG), NoticeKind.of(NoticeKind.ofCatalogChange(change)));
    }

    @Test
    void aNewPageIsAnnouncedAsAdded() {
        OccupationChanged created = new OccupationChanged("anzsco-411215", 1, OccupationChanged.ChangeKind.CREATED,
                facts("Community Services Worker"), List.of(new FieldChange("/title/en", null, "x")), "editor",
                Instant.parse("2026-11-01T08:00:00Z"));
        assertEquals("Community Services Worker (anzsco-411215): added to the catalog from 2026-11-01 "
                + "(catalog revision 1)", ChangeMessages.occupationChanged(created).en());
        assertEquals("社區服務工作者 (anzsco-411215)：已加入職業目錄，自 2026-11-01 起（職業目錄第 1 版）",
                ChangeMessages.occupationChanged(created).zh());
    }

    @Test
    void aPolicyUpdateSaysWhatItSetsForThisOccupation() {
        List<RuleChange> rules = List.of(new RuleChange("GREEN_LIST_TIER", "ANZSCO", "411215", "1"));
        PolicyUpdated update = new PolicyUpdated("p-1", "NZ", DECEMBER_FIRST, SOURCE, null, rules, "admin",
                Instant.parse("2026-11-20T08:00:00Z"));
        Message message = ChangeMessages.policyUpdated(WORKER, update, rules);
        assertEquals("Community Services Worker (anzsco-411215): NZ policy update: Green List Tier 1 from 2026-12-01 "
                + "(source: " + SOURCE + ")", message.en());
        assertEquals("社區服務工作者 (anzsco-411215)：NZ 政策更新：綠名單第一級，自 2026-12-01 起（來源：" + SOURCE + "）",
                message.zh());

        List<RuleChange> removal = List.of(new RuleChange("GREEN_LIST_TIER", "ANZSCO", "411215", null),
                new RuleChange("SMC_POINTS", "ANZSCO", "411215", "6"));
        Message removed = ChangeMessages.policyUpdated(WORKER, update, removal);
        assertEquals("Community Services Worker (anzsco-411215): NZ policy update: removed from the Green List; "
                + "SMC_POINTS 6 from 2026-12-01 (source: " + SOURCE + ")", removed.en());
        assertEquals("社區服務工作者 (anzsco-411215)：NZ 政策更新：移出綠名單；SMC_POINTS 6，自 2026-12-01 起（來源："
                + SOURCE + "）", removed.zh());
    }

    @Test
    void aWithdrawnPolicyUpdateSaysItWillNotTakeEffect() {
        List<RuleChange> rules = List.of(new RuleChange("GREEN_LIST_TIER", "ANZSCO", "411215", "1"));
        PolicyUpdated withdrawn = new PolicyUpdated("p-1", "NZ", DECEMBER_FIRST, SOURCE, null, rules, "admin",
                Instant.parse("2026-11-20T08:00:00Z"), Instant.parse("2026-11-25T08:00:00Z"), "admin");

        Message message = ChangeMessages.policyUpdated(WORKER, withdrawn, rules);
        assertEquals("Community Services Worker (anzsco-411215): NZ policy update withdrawn, it will not take effect: "
                + "Green List Tier 1 from 2026-12-01 (source: " + SOURCE + ")", message.en());
        assertEquals("社區服務工作者 (anzsco-411215)：NZ 政策更新已撤回，不會生效：綠名單第一級，自 2026-12-01 起（來源："
                + SOURCE + "）", message.zh());
    }

    private static ImmigrationStatusChanged status(Integer before, Integer after, String source) {
        return new ImmigrationStatusChanged("anzsco-411215", "NZ", DECEMBER_FIRST, new ImmigrationStatus(before),
                new ImmigrationStatus(after), source == null ? null : "p-1", source,
                source == null ? "skill level changed" : "Green List tier change");
    }

    private static ScoreChanged dataScientistsScore(List<FieldChange> inputChanges) {
        return new ScoreChanged("soc-15-2051", "2",
                new Score(new BigDecimal("6.2"), Map.of("income", new BigDecimal("7.1"), "aiRisk", new BigDecimal("4.0"))),
                new Score(new BigDecimal("6.3"), Map.of("income", new BigDecimal("7.3"), "aiRisk", new BigDecimal("4.0"))),
                "catalog revision 3 changed [/official/wages, /salaryBands]", "release-event",
                "careergraph.occupation.changed.v1", inputChanges);
    }

    private static OccupationFacts facts(String titleEn) {
        return new OccupationFacts("社區服務工作者", titleEn, "ANZSCO", "411215", 4, List.of());
    }

    private static Map<String, Object> band(String level, Number min, Number max) {
        Map<String, Object> band = new LinkedHashMap<>();
        band.put("level", level);
        band.put("min", min);
        band.put("max", max);
        band.put("currency", "NZD");
        band.put("note", null);
        return band;
    }
}

package org.careergraph.catalog.search;

import static org.careergraph.catalog.search.PageFixture.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.careergraph.catalog.page.CareerPage.AiVerdict;
import org.careergraph.catalog.page.LocalizedText;
import org.careergraph.catalog.page.OfficialRecord;
import org.careergraph.catalog.search.SearchQuery.SortBy;
import org.careergraph.catalog.search.SearchResult.Hit;
import org.careergraph.platform.web.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OccupationIndexTest {

    private final OccupationIndex index = new OccupationIndex();

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void aChineseWordFromATitleFindsThePage() {
        index.put(communityWorker());
        index.put(housingOfficer());

        assertEquals(List.of("anzsco-411215"), ids(text("社區")));
        assertEquals(List.of("anzsco-599614"), ids(text("住房官員")));
    }

    @Test
    void aChineseWordFromATaskFindsThePage() {
        index.put(communityWorker());
        index.put(housingOfficer());

        assertEquals(List.of("anzsco-411215"), ids(text("案例報告")));
        assertEquals(List.of("anzsco-411215"), ids(text("危機干預")));
    }

    @Test
    void simplifiedChineseFindsTraditionalText() {
        index.put(communityWorker());

        assertEquals(List.of("anzsco-411215"), ids(text("社区服务")));
    }

    @Test
    void chineseCharactersInARowMatchEvenWhereTheSegmenterCutAWordDifferently() {
        // 工作者 is one word to the segmenter; 工作 only occurs inside it.
        index.put(page("社區服務工作者", null).indexed("anzsco-411215"));

        assertEquals(List.of("anzsco-411215"), ids(text("工作")));
        assertEquals(List.of(), ids(text("工人")));
    }

    @Test
    void englishMatchesAcrossWordForms() {
        index.put(page("IT項目協調員", "IT Project Coordinator").code("ANZSCO", "511112").indexed("coordinator"));
        index.put(page("註冊護士", "Registered Nurse").code("ANZSCO", "254499").indexed("nurse"));

        assertEquals(List.of("coordinator"), ids(text("coordinate")));
        assertEquals(List.of("coordinator"), ids(text("coordinating projects")));
        assertEquals(List.of("nurse"), ids(text("nurses")));
        assertEquals(List.of("nurse"), ids(text("NURSING")));
    }

    @Test
    void everyWordMustMatchButMayComeFromAnySection() {
        index.put(page("社區服務工作者", "Community Services Worker")
                .taskAugmented(LocalizedText.en("Predict high-risk cases to support preventive intervention"))
                .indexed("worker"));
        index.put(page("住房官員", "Housing Officer").indexed("officer"));

        assertEquals(List.of("worker"), ids(text("community intervention")));
        assertEquals(List.of(), ids(text("housing intervention")));
        assertEquals(List.of("worker"), ids(text("社區 workers")));
    }

    @Test
    void searchesEverySectionTheBriefNames() {
        index.put(page("甲", "Alpha")
                .summary(LocalizedText.en("summarised zebra"))
                .verdict(AiVerdict.MIXED, LocalizedText.zh("風險與機遇並存"))
                .taskTakenOver(LocalizedText.en("taken giraffe"))
                .taskAugmented(LocalizedText.en("augmented hippo"))
                .humanMoat(LocalizedText.zh("同理心與信任建立"))
                .skillToBuild(LocalizedText.en("Power BI dashboards"))
                .growthArea("Aging Population")
                .faq(LocalizedText.zh("需要什麼學歷?"), LocalizedText.en("A diploma in kangaroo care"))
                .indexed("alpha"));

        for (String word : List.of("zebra", "機遇", "giraffe", "hippo", "信任", "dashboard", "population", "學歷",
                "kangaroos")) {
            assertEquals(List.of("alpha"), ids(text(word)), word);
        }
    }

    @Test
    void titlesWeighMoreThanTheRestOfThePage() {
        index.put(page("個案經理", "Case Manager").taskTakenOver(LocalizedText.en("Nurse triage notes"))
                .indexed("manager"));
        index.put(page("註冊護士", "Registered Nurse").indexed("nurse"));

        SearchResult result = index.search(text("nurse"));
        assertEquals(List.of("nurse", "manager"), ids(result));
        assertTrue(result.hits().get(0).score() > result.hits().get(1).score());
    }

    @Test
    void textThatAnalyzesToNothingDoesNotNarrowTheSearch() {
        index.put(communityWorker());
        index.put(housingOfficer());

        assertEquals(2, index.search(text("the, of!")).total());
    }

    @Test
    void theLongestTextAllowedStaysWithinLucenesClauseLimit() {
        index.put(communityWorker());
        String alternating = "社a".repeat(SearchQuery.MAX_TEXT_LENGTH / 2);
        String words = "nurses ".repeat(SearchQuery.MAX_TEXT_LENGTH / 7);

        assertEquals(0, index.search(text(alternating)).total());
        assertEquals(0, index.search(text(words)).total());
        assertEquals(1, index.search(text("社區".repeat(SearchQuery.MAX_TEXT_LENGTH / 2))).total());
    }

    @Test
    void filtersByCodeSystemAndCodePrefix() {
        index.put(page("甲", "Alpha").code("ANZSCO", "411215").indexed("a"));
        index.put(page("乙", "Beta").code("ANZSCO", "411711").indexed("b"));
        index.put(page("丙", "Gamma").code("ANZSCO", "599614").indexed("c"));
        index.put(page("丁", "Delta").code("SOC", "21-1022").indexed("d"));

        assertEquals(List.of("d"), ids(SearchQuery.builder().codeSystem("soc").build()));
        assertEquals(List.of("a", "b"), ids(SearchQuery.builder().codePrefix("411").build()));
        assertEquals(List.of("a"), ids(SearchQuery.builder().codeSystem("ANZSCO").codePrefix("4112").build()));
        assertEquals(List.of(), ids(SearchQuery.builder().codeSystem("SOC").codePrefix("411").build()));
    }

    @Test
    void filtersBySkilledMigrationAndVerdict() {
        index.put(page("甲", "Alpha").skilledMigration(true).verdict(AiVerdict.MIXED, null).indexed("a"));
        index.put(page("乙", "Beta").skilledMigration(false).verdict(AiVerdict.AMPLIFIED_BY_AI, null).indexed("b"));
        index.put(page("丙", "Gamma").indexed("c"));

        assertEquals(List.of("a"), ids(SearchQuery.builder().skilledMigration(true).build()));
        assertEquals(List.of("b"), ids(SearchQuery.builder().skilledMigration(false).build()));
        assertEquals(List.of("b"), ids(SearchQuery.builder().verdict(AiVerdict.AMPLIFIED_BY_AI).build()));
        assertEquals(List.of(), ids(SearchQuery.builder().verdict(AiVerdict.COMPRESSED_BY_AUTOMATION).build()));
    }

    @Test
    void filtersByScoreRangeOnTheComputedScoreElseThePublishedOne() {
        index.put(scored("published-7", "7", null));
        index.put(scored("computed-5-over-published-8", "8", "5"));
        index.put(scored("computed-9", null, "9"));
        index.put(scored("unscored", null, null));

        assertEquals(List.of("computed-5-over-published-8", "published-7"), ids(scoreBetween("5", "7")));
        assertEquals(List.of("computed-9", "published-7"), ids(scoreBetween("7", null)));
        assertEquals(List.of("computed-5-over-published-8"), ids(scoreBetween(null, "6.5")));
    }

    @Test
    void filtersByGreenListTier() {
        index.put(new IndexedOccupation("tier-1", page("甲", "Alpha").build(), false, null, 1));
        index.put(new IndexedOccupation("tier-2", page("乙", "Beta").build(), false, null, 2));
        index.put(new IndexedOccupation("no-tier", page("丙", "Gamma").build(), false, null, null));

        assertEquals(List.of("tier-2"), ids(SearchQuery.builder().greenListTier(2).build()));
    }

    @Test
    void leavesArchivedOccupationsOutUnlessAskedFor() {
        index.put(new IndexedOccupation("archived", page("社區工作者", "Community Worker").build(), true, null, null));
        index.put(page("社區發展官", "Community Development Officer").indexed("live"));

        assertEquals(List.of("live"), ids(text("community")));
        assertEquals(1, index.search(SearchQuery.builder().build()).total());
        assertEquals(List.of("live", "archived"),
                ids(SearchQuery.builder().text("community").includeArchived(true).sort(SortBy.TITLE).build()));
    }

    @Test
    void sortsByTitleScoreOrCode() {
        index.put(scored("b", "Beta", "SOC", "11-1011", "6"));
        index.put(scored("a", "alpha", "ANZSCO", "599614", null));
        index.put(scored("c", "Charlie", "ANZSCO", "411215", "8.5"));
        index.put(new IndexedOccupation("zh-only", page("護士", null).code("ISCO", "2221").build(), false, null,
                null));

        assertEquals(List.of("a", "b", "c", "zh-only"), ids(sorted(SortBy.TITLE)));
        assertEquals(List.of("c", "b", "a", "zh-only"), ids(sorted(SortBy.SCORE_DESC)));
        assertEquals(List.of("c", "a", "zh-only", "b"), ids(sorted(SortBy.CODE)));
        assertEquals(List.of("a", "b", "c", "zh-only"), ids(SearchQuery.builder().build()));
    }

    @Test
    void sortsByAPublishedFigureWithTheOccupationsWithoutItLast() {
        index.put(official("a", "Alpha", "40000", "0.10", "12.0"));
        index.put(official("b", "Bravo", "90000", "0.60", "-2.5"));
        index.put(official("c", "Charlie", "60000", "0.30", "4.1"));
        index.put(page("職業", "Delta").code("ANZSCO", "261111").indexed("none"));

        assertEquals(List.of("b", "c", "a", "none"), ids(sorted(SortBy.WAGE_DESC)));
        assertEquals(List.of("b", "c", "a", "none"), ids(sorted(SortBy.EXPOSURE_DESC)));
        assertEquals(List.of("a", "c", "b", "none"), ids(sorted(SortBy.EXPOSURE_ASC)), "least exposed first");
        assertEquals(List.of("a", "c", "b", "none"), ids(sorted(SortBy.GROWTH_DESC)), "largest growth first");
        List<Hit> hits = index.search(sorted(SortBy.GROWTH_DESC)).hits();
        assertEquals(new BigDecimal("12.0"), hits.getFirst().summary().employmentChange());
        assertEquals(new BigDecimal("15.3"), hits.getFirst().summary().annualOpenings());
        assertNull(hits.getLast().summary().employmentChange());
        assertNull(hits.getLast().summary().annualOpenings());
    }

    @Test
    void theTitleWithTheQuerysWordsInOrderRanksFirst() {
        index.put(page("臨床研究協調員", "Clinical Research Coordinators and Project Officers").indexed("clinical"));
        index.put(page("專案經理", "Coordinator of Project Teams").indexed("teams"));
        index.put(page("IT項目協調員", "IT Project Coordinator").indexed("it"));

        assertEquals("it", ids(text("IT Project Coordinator")).getFirst());
        assertEquals("teams", ids(text("coordinator of project")).getFirst());
    }

    @Test
    void scoresOnlyWhenSortedByRelevance() {
        index.put(page("註冊護士", "Registered Nurse").indexed("nurse"));

        Hit byRelevance = index.search(text("nurse")).hits().get(0);
        assertNotNull(byRelevance.score());
        assertEquals(List.of("nurse", "註冊護士", "Registered Nurse", "ANZSCO", "411215"), List.of(byRelevance.id(),
                byRelevance.titleZh(), byRelevance.titleEn(), byRelevance.codeSystem(), byRelevance.code()));
        assertNull(index.search(SearchQuery.builder().text("nurse").sort(SortBy.TITLE).build()).hits().get(0)
                .score());
        assertNull(index.search(SearchQuery.builder().sort(SortBy.RELEVANCE).build()).hits().get(0).score());
    }

    @Test
    void pagesThroughAllMatchesWithTheTotal() {
        index.putAll(IntStream.range(0, 25)
                .mapToObj(i -> page("職業" + i, "Occupation %02d".formatted(i)).indexed("o%02d".formatted(i)))
                .toList());

        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            SearchResult result = index.search(SearchQuery.builder().text("occupation").sort(SortBy.TITLE)
                    .page(page, 10).build());
            assertEquals(25, result.total());
            seen.addAll(ids(result));
        }
        assertEquals(IntStream.range(0, 25).mapToObj("o%02d"::formatted).toList(), seen);
        SearchResult beyond = index.search(SearchQuery.builder().page(5, 10).build());
        assertEquals(25, beyond.total());
        assertEquals(List.of(), beyond.hits());
        assertEquals(List.of(), index.search(SearchQuery.builder().page(Integer.MAX_VALUE, 100).build()).hits());
    }

    @Test
    void countsExactlyBeyondAThousandMatches() {
        index.putAll(IntStream.range(0, 1_500)
                .mapToObj(i -> page("職業" + i, "Occupation " + i).indexed("o" + i)).toList());

        assertEquals(1_500, index.search(text("occupation")).total());
    }

    @Test
    void putReplacesTheOccupationWithTheSameId() {
        index.put(page("社區服務工作者", "Community Services Worker").indexed("anzsco-411215"));
        index.put(page("住房官員", "Housing Officer").indexed("anzsco-411215"));

        assertEquals(List.of(), ids(text("community")));
        assertEquals(List.of("anzsco-411215"), ids(text("housing")));
        assertEquals(1, index.search(SearchQuery.builder().build()).total());
    }

    @Test
    void removeTakesTheOccupationOut() {
        index.put(communityWorker());
        index.put(housingOfficer());

        index.remove("anzsco-411215");
        index.remove("never-indexed");

        assertEquals(List.of("anzsco-599614"), ids(SearchQuery.builder().build()));
    }

    @Test
    void searchesWhileOthersWrite() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Future<?> writer = threads.submit(() -> IntStream.range(0, 300).forEach(i -> index.put(
                    page("社區職業" + i, "Community occupation " + i).indexed("o" + i))));
            List<Future<Set<Long>>> readers = List.of(threads.submit(() -> totalsUntilDone(writer, "community")),
                    threads.submit(() -> totalsUntilDone(writer, "社區")));
            writer.get();
            for (Future<Set<Long>> reader : readers) {
                reader.get().forEach(total -> assertTrue(total >= 0 && total <= 300));
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(300, index.search(text("社區 community")).total());
    }

    @Test
    void rejectsABadPageSizeOrScoreRange() {
        assertThrows(ProblemException.class, () -> SearchQuery.builder().page(0, 0).build());
        assertThrows(ProblemException.class, () -> SearchQuery.builder().page(0, SearchQuery.MAX_SIZE + 1).build());
        assertThrows(ProblemException.class, () -> SearchQuery.builder().page(-1, 10).build());
        assertThrows(ProblemException.class,
                () -> SearchQuery.builder().scoreBetween(new BigDecimal("8"), new BigDecimal("7")).build());
        assertThrows(ProblemException.class, () -> SearchQuery.builder().text("x".repeat(201)).build());
    }

    private Set<Long> totalsUntilDone(Future<?> writer, String text) {
        Set<Long> totals = new HashSet<>();
        while (!writer.isDone()) {
            totals.add(index.search(text(text)).total());
        }
        return totals;
    }

    private List<String> ids(SearchQuery query) {
        return ids(index.search(query));
    }

    private static List<String> ids(SearchResult result) {
        return result.hits().stream().map(Hit::id).toList();
    }

    private static SearchQuery text(String text) {
        return SearchQuery.builder().text(text).build();
    }

    private static SearchQuery sorted(SortBy sort) {
        return SearchQuery.builder().sort(sort).build();
    }

    private static SearchQuery scoreBetween(String min, String max) {
        return SearchQuery.builder().scoreBetween(min == null ? null : new BigDecimal(min),
                max == null ? null : new BigDecimal(max)).sort(SortBy.CODE).build();
    }

    private static IndexedOccupation scored(String id, String published, String computed) {
        PageFixture page = page("職業", "Occupation").code("ANZSCO", id);
        if (published != null) {
            page.publishedScore(published);
        }
        return new IndexedOccupation(id, page.build(), false, computed == null ? null : new BigDecimal(computed),
                null);
    }

    private static IndexedOccupation scored(String id, String titleEn, String codeSystem, String code,
                                            String computed) {
        return new IndexedOccupation(id, page("職業", titleEn).code(codeSystem, code).build(), false,
                computed == null ? null : new BigDecimal(computed), null);
    }

    /** A SOC occupation with a median wage, a GPT-4 rated exposure (beta) and a projected change in employment. */
    private static IndexedOccupation official(String id, String titleEn, String medianWage, String exposure,
                                              String change) {
        OfficialRecord.Wages wages = new OfficialRecord.Wages("15-2051", "Data Scientists", 1000L, null, null,
                List.of(new OfficialRecord.Percentile(50, new OfficialRecord.Wage(new BigDecimal(medianWage), false),
                        null)));
        OfficialRecord.Projections projections = new OfficialRecord.Projections("15-2051", "Data scientists", 2022,
                2032, new BigDecimal("100.0"), new BigDecimal("110.0"), new BigDecimal(change), new BigDecimal("15.3"),
                "Bachelor's degree", "None", "None");
        OfficialRecord.LlmExposure.Ratings ratings = new OfficialRecord.LlmExposure.Ratings(new BigDecimal(exposure),
                new BigDecimal(exposure), new BigDecimal(exposure));
        OfficialRecord record = new OfficialRecord(titleEn, null, null, null, null, null, wages, projections,
                new OfficialRecord.LlmExposure(ratings, ratings), null);
        return new IndexedOccupation(id, page("職業", titleEn).code("SOC", "15-2051").build().withOfficial(record),
                false, null, null);
    }

    private static IndexedOccupation communityWorker() {
        return page("社區服務工作者", "Community Services Worker")
                .taskTakenOver(LocalizedText.zh("自動生成服務記錄、案例報告和合規文件"))
                .humanMoat(LocalizedText.zh("面對面情感支援和危機干預中的同理心與信任建立"))
                .indexed("anzsco-411215");
    }

    private static IndexedOccupation housingOfficer() {
        return page("住房官員", "Housing Officer").code("ANZSCO", "599614")
                .taskTakenOver(LocalizedText.zh("自動處理租戶申請和文件審核"))
                .indexed("anzsco-599614");
    }
}

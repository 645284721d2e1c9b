package org.careergraph.web.ranking;

import static org.careergraph.web.StubbedSite.column;
import static org.careergraph.web.StubbedSite.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.careergraph.web.StubbedSite;
import org.careergraph.web.StubbedSite.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ranking pages rendered whole from stubbed services: a catalog of 120 US occupations with figures (the last few
 * of the growth list without a projection), one scored, and a scoring ranking of 60 New Zealand occupations.
 */
class RankingPagesTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final int US_OCCUPATIONS = 120;
    /** The growth list's last occupations have no projection; the wage and exposure lists' filters leave none out. */
    private static final int WITHOUT_PROJECTION = 75;

    private final StubbedSite site = StubbedSite.start();

    @BeforeEach
    void answerAsTheServicesWould() {
        site.answer(this::answer);
    }

    @Test
    void bestPaidInTheUsRanksByTheOewsMedianWageAndSaysWhereItCameFrom() {
        HttpResponse<String> response = site.get("/rankings/best-paid?lang=en");

        assertEquals(200, response.statusCode(), response.body());
        String html = response.body();
        String text = text(html);
        assertTrue(text.contains("Best paid: United States"), text);
        assertTrue(text.contains("Ranked by the median wage a year in US dollars"), "what it ranks by");
        assertTrue(text.contains("Source: BLS OEWS May 2024 (2024-05-01)"), "where the figure came from");
        assertEquals(IntStream.rangeClosed(1, 50).mapToObj(Integer::toString).toList(), column(html, "rank"));
        List<String> wages = column(html, "wage");
        assertEquals(List.of("≥ 299,000", "298,000"), wages.subList(0, 2), "a top-coded median marked");
        assertTrue(html.contains("<a href=\"/occupations/soc-15-2001\">Occupation 1</a>"), "linked to its page");
        assertEquals("9.5", column(html, "rating").getFirst(), "our income rating of the scored occupation");
        assertEquals("not rated", column(html, "rating").get(1));
        assertTrue(html.contains("href=\"/rankings/best-paid?page=1\" rel=\"next\""), html);
        assertFalse(html.contains("rel=\"prev\""));
        Map<String, String> query = site.callsTo("/api/occupations").getFirst();
        assertEquals(Map.of("codeSystem", "SOC", "minWage", "0", "sort", "WAGE_DESC", "page", "0", "size", "50"),
                query, "US occupations with a published median, best paid first");
        String footer = html.substring(html.indexOf("<footer"));
        assertTrue(footer.contains("Occupational Employment and Wage Statistics, May 2024.")
                && footer.contains("O*NET 30.1 Database") && footer.contains("editorial translation"), footer);
        assertFalse(footer.contains("GPTs are GPTs"), "only the releases the list shows");
    }

    @Test
    void inChineseTheListMarksOurTranslatedTitles() {
        String html = site.get("/rankings/safest-from-ai?lang=zh").body();

        assertTrue(html.contains("<html lang=\"zh-Hant\">"));
        assertTrue(text(html).contains("最不受 AI 威脅: 美國"), text(html));
        assertTrue(html.contains("<a href=\"/occupations/soc-15-2001\">職業 1</a>\n"
                + "        <small class=\"badge\">編輯翻譯</small>"), "our translation, said so");
        assertTrue(text(html).contains("資料來源：GPTs are GPTs 2024（2024-06-21）"), text(html));
        assertEquals(List.of("1%", "2%"), column(html, "exposure").subList(0, 2), "least exposed first");
        assertEquals("EXPOSURE_ASC", site.callsTo("/api/occupations").getFirst().get("sort"));
        assertEquals("0", site.callsTo("/api/occupations").getFirst().get("minExposure"));
        assertTrue(html.contains("href=\"?lang=en\""), "the same list in English");
    }

    @Test
    void pagesThroughAListAndAPagePastItsEndIsNotFound() {
        String last = site.get("/rankings/best-paid?page=2&lang=en").body();

        assertEquals(IntStream.rangeClosed(101, 120).mapToObj(Integer::toString).toList(), column(last, "rank"));
        assertTrue(last.contains("href=\"/rankings/best-paid?page=1\" rel=\"prev\""));
        assertFalse(last.contains("rel=\"next\""));
        assertEquals("2", site.callsTo("/api/occupations").getFirst().get("page"));
        assertEquals(404, site.get("/rankings/best-paid?page=3").statusCode());
    }

    @Test
    void theGrowthListLeavesOutOccupationsWithoutAProjectionAndEndsThere() {
        String first = site.get("/rankings/fastest-growing?lang=en").body();
        String second = site.get("/rankings/fastest-growing?page=1&lang=en").body();

        assertEquals("+49.5%", column(first, "change").getFirst());
        assertEquals("1,500", column(first, "openings").getFirst(), "openings a year, published in thousands");
        assertTrue(text(first).contains("Source: BLS Employment Projections 2022-32 (2023-09-06)"));
        assertEquals(List.of("51", "75"), List.of(column(second, "rank").getFirst(), column(second, "rank").getLast()),
                "the 25 with a projection");
        assertFalse(second.contains("rel=\"next\""), "the rest have no projection: the list ends");
        assertFalse(site.callsTo("/api/occupations").getFirst().containsKey("minWage"));
    }

    @Test
    void aGroupNarrowsTheListAndAnUnknownListCountryGroupOrPageIsRefused() {
        String html = site.get("/rankings/best-paid?group=15-0000&lang=en").body();

        assertEquals("15-0000", site.callsTo("/api/occupations").getLast().get("majorGroup"));
        assertTrue(html.contains("<option value=\"15-0000\" selected=\"selected\">"), "the group chosen");
        assertTrue(html.contains("href=\"/rankings/best-paid?group=15-0000&amp;page=1\" rel=\"next\""),
                "paging keeps the group");

        HttpResponse<String> otherCountrysGroup = site.get("/rankings/best-paid?group=2&lang=en");
        assertEquals(400, otherCountrysGroup.statusCode());
        assertTrue(text(otherCountrysGroup.body()).contains("This ranking has no such country, group or page."));
        assertEquals(400, site.get("/rankings/best-paid?group=99-0000").statusCode());
        assertEquals(400, site.get("/rankings/best-paid?country=FR").statusCode());
        assertEquals(400, site.get("/rankings/best-paid?page=-1").statusCode());
        assertEquals(400, site.get("/rankings/best-paid?page=many").statusCode());
        HttpResponse<String> unknown = site.get("/rankings/most-fun?lang=zh");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("找不到頁面"));
        String script = site.get("/rankings/best-paid?group=%3Cscript%3E").body();
        assertFalse(script.contains("<script>"), "nothing given is echoed unescaped");
    }

    @Test
    void newZealandListsRankByOurRatingWithinAGroup() {
        String html = site.get("/rankings/safest-from-ai?country=NZ&group=4&lang=en").body();

        Map<String, String> ranking = site.callsTo("/api/rankings").getFirst();
        assertEquals(Map.of("dimension", "aiRisk", "codeSystem", "ANZSCO", "limit", "100"), ranking);
        assertTrue(text(html).contains("The releases we hold give no AI exposure figure for New Zealand occupations"));
        assertTrue(text(html).contains("Our ratings: Career Graph scoring model 2."), "where the rating came from");
        List<String> codes = column(html, "code");
        assertEquals(20, codes.size());
        assertTrue(codes.stream().allMatch(code -> code.startsWith("ANZSCO 4")), codes.toString());
        assertEquals(List.of("1", "20"), List.of(column(html, "rank").getFirst(), column(html, "rank").getLast()));
        assertEquals("8", column(html, "rating").getFirst());
        assertFalse(html.contains("class=\"number exposure\""), "no published figure to show");
        assertTrue(html.contains("<a href=\"/occupations/anzsco-400001\">Occupation 400001</a>"));

        String all = site.get("/rankings/safest-from-ai?country=NZ&page=1&lang=zh").body();
        assertEquals(List.of("51", "60"), List.of(column(all, "rank").getFirst(), column(all, "rank").getLast()),
                "the top 60, 50 a page");
        assertTrue(all.contains("<a href=\"/occupations/anzsco-400011\">職業 400011</a>\n"
                + "        <small class=\"badge\">編輯翻譯</small>"), "marked from the catalog's summary");
        assertTrue(all.contains("href=\"/rankings/safest-from-ai?country=NZ\" rel=\"prev\""));
    }

    @Test
    void theIndexLinksEveryListInBothCountries() {
        String html = site.get("/rankings?lang=en").body();

        for (String list : List.of("safest-from-ai", "best-paid", "fastest-growing")) {
            assertTrue(html.contains("href=\"/rankings/" + list + "?country=US\"")
                    && html.contains("href=\"/rankings/" + list + "?country=NZ\""), list);
        }
        assertTrue(html.contains("<a href=\"/rankings\">Rankings</a>"), "in the site's menu");
    }

    private Answer answer(URI uri) {
        Map<String, String> query = StubbedSite.parameters(uri);
        return switch (uri.getPath()) {
            case "/api/occupations/groups" -> Answer.json(groups(query.get("codeSystem")));
            case "/api/occupations" -> "ANZSCO".equals(query.get("codeSystem"))
                    ? Answer.json(nzSummary(query.get("codePrefix"))) : Answer.json(usListing(query));
            case "/api/scores/soc-15-2001" -> Answer.fixture("score-soc-29-1141.json");
            case "/api/rankings" -> Answer.json(nzRanking());
            default -> null;
        };
    }

    /** The captured groups of one code system, as the catalog answers {@code ?codeSystem=}. */
    private static String groups(String codeSystem) {
        try {
            List<Object> groups = JSON.readValue(StubbedSite.fixture("groups.json"), Argument.listOf(Object.class));
            return write(groups.stream().filter(g -> ((Map<?, ?>) g).get("codeSystem").equals(codeSystem)).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * US occupations 1 to 120 in the order of every list (the best paid are also the least exposed and the fastest
     * growing), a page as asked; the first one's median is top-coded.
     */
    private static String usListing(Map<String, String> query) {
        int page = Integer.parseInt(query.getOrDefault("page", "0"));
        int size = Integer.parseInt(query.getOrDefault("size", "20"));
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = page * size + 1; i <= Math.min((page + 1) * size, US_OCCUPATIONS); i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", "soc-15-" + (2000 + i));
            item.put("codeSystem", "SOC");
            item.put("code", "15-" + (2000 + i));
            item.put("titleZh", "職業 " + i);
            item.put("titleZhTranslated", true);
            item.put("titleEn", "Occupation " + i);
            item.put("medianWage", Map.of("amount", 300_000 - i * 1_000, "atLeast", i == 1));
            item.put("llmExposure", i / 100.0);
            item.put("aiApplicability", 0.1);
            if (i <= WITHOUT_PROJECTION) {
                item.put("employmentChange", 50 - i * 0.5);
                item.put("annualOpenings", 1.5);
            }
            item.put("archived", false);
            item.put("findings", 0);
            items.add(item);
        }
        return write(Map.of("items", items, "total", US_OCCUPATIONS, "page", page, "size", size));
    }

    /** The scoring service's top 60 New Zealand occupations: 40 in major group 2, then 20 in group 4. */
    private static String nzRanking() {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            String code = (i <= 40 ? 200_000 + i : 400_000 + i - 40) + "";
            entries.add(Map.of("rank", i, "occupationId", "anzsco-" + code, "codeSystem", "ANZSCO",
                    "titleEn", "Occupation " + code, "titleZh", "職業 " + code, "value", i <= 40 ? 9 : 8,
                    "overall", 6.1, "modelVersion", "2"));
        }
        return write(Map.of("dimension", "aiRisk", "codeSystem", "ANZSCO", "entries", entries));
    }

    /** The catalog's summary of one ANZSCO occupation, found by its code; its Chinese title is our translation. */
    private static String nzSummary(String code) {
        Map<String, Object> item = Map.of("id", "anzsco-" + code, "codeSystem", "ANZSCO", "code", code,
                "titleZh", "職業 " + code, "titleZhTranslated", true, "titleEn", "Occupation " + code,
                "archived", false, "findings", 0);
        return write(Map.of("items", List.of(item), "total", 1, "page", 0, "size", 1));
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

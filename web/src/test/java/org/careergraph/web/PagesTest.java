package org.careergraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The catalog and career pages rendered whole by the running web front, from services stubbed with answers the
 * catalog really gave (search summaries, groups, releases, an official occupation and a seed page with a finding):
 * every template expression meets the API's shapes, absent fields included. See {@link StubbedSite}.
 */
class PagesTest {

    private final StubbedSite site = StubbedSite.start();

    @BeforeEach
    void answerAsTheCapturedCatalog() {
        site.answer(uri -> null);
    }

    @Test
    void theCatalogListsSummariesWithWageAndExposure() throws Exception {
        HttpResponse<String> response = get("/?lang=en");

        assertEquals(200, response.statusCode());
        String html = response.body();
        List<String> rows = cells(html, "tbody");
        assertTrue(rows.contains("≥ 239,200"), "a top-coded median wage: " + rows);
        assertTrue(rows.contains("45%"), "GPT-4 β as a percentage");
        assertTrue(rows.contains("93,600") && rows.contains("33%"));
        assertTrue(rows.contains("Mixed") && rows.contains("Yes"), "verdict and skilled migration of the summary");
        assertTrue(html.contains("<option value=\"2\">2 Professionals (318)</option>"), "groups with their counts");
        assertTrue(html.contains("<optgroup label=\"SOC (United States)\">"));
        assertTrue(html.contains("href=\"/?sort=WAGE_DESC\"") && html.contains("href=\"/?sort=EXPOSURE_DESC\""),
                "the new columns sort");
        assertTrue(html.contains("ANZSCO Version 1.2 (2013), CC BY 4.0.") && html.contains("O*NET 30.1 Database"),
                "every attribution in force in the footer");
        assertFalse(html.contains("majorGroup-note"), "the editorial note is for Chinese titles");
    }

    @Test
    void theCatalogInChineseMarksTheGroupTitlesAsOurTranslation() throws Exception {
        String html = get("/?lang=zh").body();

        assertTrue(html.contains("2 專業人員 (318)"), html);
        assertTrue(html.contains("aria-describedby=\"majorGroup-note\""));
        assertTrue(html.contains("Career Graph 的編輯翻譯"));
        // Each official occupation's Chinese title is marked as ours; a seed page's own is not.
        List<String> rows = cells(html, "tbody");
        assertEquals(2, html.split("class=\"badge\">編輯翻譯", -1).length - 1, rows.toString());
    }

    @Test
    void filtersAreSentAsTheCatalogTakesThem() throws Exception {
        get("/?majorGroup=15-0000&jobZone=4&skillLevel=1&minWage=50000&maxWage=90000&minExposure=30&maxExposure=62.5"
                + "&sort=EXPOSURE_DESC");

        String query = site.calls().stream().filter(uri -> uri.getPath().equals("/api/occupations"))
                .map(URI::getRawQuery).reduce((first, last) -> last).orElseThrow();
        for (String parameter : List.of("majorGroup=15-0000", "jobZone=4", "skillLevel=1", "minWage=50000",
                "maxWage=90000", "minExposure=0.3", "maxExposure=0.625", "sort=EXPOSURE_DESC")) {
            assertTrue(query.contains(parameter), parameter + " in " + query);
        }
    }

    @Test
    void anExposureThatIsNoPercentageIsTheFieldsErrorAndNothingIsSearched() throws Exception {
        HttpResponse<String> response = get("/?minExposure=150&lang=en");

        assertEquals(400, response.statusCode());
        assertTrue(site.callsTo("/api/occupations").isEmpty(), "not sent: " + site.calls());
        assertTrue(response.body().contains("id=\"minExposure-error\">Give a percentage from 0 to 100.</p>"));
        assertTrue(response.body().contains("aria-describedby=\"minExposure-error\""));
        assertTrue(response.body().contains("value=\"150\""), "the form keeps what was typed");
    }

    @Test
    void aCareerPageShowsTheOfficialRecordWithItsSources() throws Exception {
        HttpResponse<String> response = get("/occupations/soc-29-1141?lang=en");

        assertEquals(200, response.statusCode());
        String html = response.body();
        String text = text(html);
        assertTrue(text.contains("Assess patient health problems and needs"), "description");
        assertTrue(text.indexOf("Core: Record patients") < text.indexOf("Supplemental:"), "core tasks first");
        assertTrue(text.contains("Job zone 4 of 5: Considerable preparation needed"));
        assertTrue(text.contains("Major group 29-0000: Healthcare Practitioners and Technical Occupations"));
        assertTrue(html.contains("aria-labelledby=\"wages-title\""), "the wage chart");
        assertTrue(text.contains("Median 93,600 45.00"), "the wage table");
        assertTrue(text.contains("Jobs in the United States: 3,282,010"));
        assertTrue(text.contains("Jobs in 2022 3,172,500") && text.contains("Change +5.6%")
                && text.contains("Openings a year, on average 193,100"), "the outlook");
        assertTrue(text.contains("β (the catalog's figure) 33% 38%"), "GPT-4 and human β");
        assertTrue(text.contains("0.12 on a scale from 0 (none) to 1"), "AI applicability");
        assertTrue(text.contains("and 75 more"), "25 of 100 alternate titles, then a count");
        assertTrue(text.contains("Source: BLS OEWS May 2024 (2024-05-01)"));
        assertTrue(text.contains("Source: O*NET 30.1 (2025-12-01)"));
        assertTrue(text.contains("Source: BLS Employment Projections 2022-32 (2023-09-06)"));
        assertTrue(text.contains("Chinese title: Editorial translation (Career Graph, 2026-12)"));
        assertTrue(html.contains("<span lang=\"zh-Hant\">護理師</span>\n"
                + "    <small class=\"badge\">editorial translation"),
                "the Chinese title is marked where it is shown");
        String footer = html.substring(html.indexOf("<footer"));
        assertTrue(footer.contains("O*NET 30.1 Database") && footer.contains("Occupational Employment and Wage")
                && footer.contains("GPTs are GPTs") && footer.contains("Working with AI")
                && footer.contains("editorial translation (2026-12)"), footer);
        assertFalse(footer.contains("ANZSCO"), "only the series whose data the page shows");
        assertNull(findings(html), "no findings box without findings");
        assertTrue(html.contains("<a href=\"/?compare=soc-29-1141\">Compare with other occupations</a>"),
                "the way to compare it with others");
    }

    @Test
    void theChineseCareerPageMarksItsTitleAsOurTranslation() throws Exception {
        String html = get("/occupations/soc-29-1141?lang=zh").body();

        assertTrue(html.contains("<h1><span>護理師</span>\n    <small class=\"badge\">編輯翻譯</small></h1>"),
                "the title, marked as our translation");
        assertTrue(text(html).contains("資料來源：BLS OEWS May 2024（2024-05-01）"));
    }

    @Test
    void aSeedPageShowsItsFindingAndWhereItsTextCameFrom() throws Exception {
        String html = get("/occupations/anzsco-411215?lang=en").body();

        String findings = findings(html);
        assertTrue(findings != null && findings.contains("The code is not in the classification")
                && findings.contains("Community Services Worker (411215)") && findings.contains("no such code")
                && findings.contains("The classification says (ANZSCO 1.2)"), String.valueOf(findings));
        assertTrue(text(html).contains("Titles: Imported from the page's text on 2026-12-03"));
        assertFalse(html.contains("class=\"badge\">editorial translation"), "the page's own Chinese title");
        assertFalse(html.contains("<div class=\"attributions\">"), "no release's data, no attribution");
    }

    @Test
    void aCareerPageLinksItsAtomFeedInItsHeadAndInItsText() throws Exception {
        String en = get("/occupations/soc-29-1141?lang=en").body();
        String zh = get("/occupations/soc-29-1141?lang=zh").body();

        String head = en.substring(0, en.indexOf("</head>"));
        assertTrue(head.contains("<link rel=\"alternate\" type=\"application/atom+xml\" "
                + "title=\"Changes to Registered Nurses (Atom feed)\" href=\"/api/feeds/soc-29-1141.atom\">"), head);
        assertTrue(en.contains("<a href=\"/api/feeds/soc-29-1141.atom\" type=\"application/atom+xml\">"
                + "Follow changes (Atom feed)</a>"), "a link to see");
        String zhHead = zh.substring(0, zh.indexOf("</head>"));
        assertTrue(zhHead.contains("title=\"護理師 的變更（Atom 訂閱源）\" href=\"/api/feeds/soc-29-1141.atom?lang=zh\">"),
                zhHead);
        assertTrue(zh.contains("<a href=\"/api/feeds/soc-29-1141.atom?lang=zh\" type=\"application/atom+xml\">"
                + "追蹤變更（Atom 訂閱源）</a>"));
        assertFalse(get("/?lang=en").body().contains("application/atom+xml"), "only career pages have a feed");
    }

    @Test
    void theSalaryBandsAreChartedBesideTheirTable() throws Exception {
        String html = get("/occupations/anzsco-411215?lang=en").body();

        String salary = html.substring(html.indexOf("<section id=\"salary\""),
                html.indexOf("<table class=\"salary stack\""));
        assertTrue(salary.contains("<svg class=\"chart salary-chart\" role=\"img\""), salary);
        assertEquals(3, salary.split("<rect class=\"range\"").length - 1, "one bar per band");
        assertTrue(salary.contains("NZ$48,000 – NZ$58,000"));
        assertTrue(html.contains("<table class=\"salary stack\" role=\"table\">"), "the table stays");
        assertTrue(get("/occupations/anzsco-411215?lang=zh").body()
                .contains("<title id=\"salary-nzd-title\">各經驗級別年薪（NZD）</title>"));
    }

    @Test
    void bandsTheReleaseMadeFromTheWagePercentilesAreNotChartedTwice() throws Exception {
        String html = get("/occupations/soc-29-1141?lang=en").body();

        assertTrue(html.contains("<table class=\"salary stack\" role=\"table\">"), "the bands' table");
        assertFalse(html.contains("salary-chart"), "OEWS's bands restate the wage chart");
        String salary = html.substring(html.indexOf("<section id=\"salary\""));
        int wages = salary.indexOf("<svg class=\"chart wages-chart\" role=\"img\"");
        assertTrue(wages > salary.indexOf("<table class=\"salary stack\"")
                && wages < salary.indexOf("</section>"), "which is drawn below them");
    }

    @Test
    void theToolTableKeepsItsShortCellsOnOneLine() throws Exception {
        String html = get("/occupations/anzsco-411215?lang=zh").body();

        String tools = html.substring(html.indexOf("<table class=\"tools stack\""));
        tools = tools.substring(0, tools.indexOf("</table>"));
        assertTrue(tools.contains("<th scope=\"row\" role=\"rowheader\" class=\"tool-name\">ChatGPT</th>"), tools);
        assertTrue(tools.contains("<td role=\"cell\" class=\"short\" data-label=\"類型\">工具</td>"), tools);
        assertTrue(tools.contains("<td role=\"cell\" class=\"number short\" data-label=\"年份\">2022</td>"), tools);
    }

    private HttpResponse<String> get(String path) {
        return site.get(path);
    }

    /** The texts of the cells inside the first element of a kind ({@code tbody}). */
    private static List<String> cells(String html, String element) {
        String part = html.substring(html.indexOf("<" + element), html.indexOf("</" + element + ">"));
        Matcher cell = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(part);
        List<String> cells = new ArrayList<>();
        while (cell.find()) {
            cells.add(text(cell.group(1)));
        }
        return cells;
    }

    private static String text(String html) {
        return StubbedSite.text(html);
    }

    private static String findings(String html) {
        int start = html.indexOf("<section class=\"findings\"");
        return start < 0 ? null : text(html.substring(start, html.indexOf("</section>", start)));
    }
}

package org.careergraph.web.compare;

import static org.careergraph.web.StubbedSite.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import org.careergraph.web.StubbedSite;
import org.careergraph.web.StubbedSite.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The comparison page and the ways to it (the catalog's ticks, a career page's link), rendered whole from the
 * captured catalog: an official US occupation and a seed page of New Zealand, with a score and statuses.
 */
class ComparePagesTest {

    private final StubbedSite site = StubbedSite.start();

    @BeforeEach
    void answerAsTheServicesWould() {
        site.answer(ComparePagesTest::answer);
    }

    @Test
    void twoOccupationsSideBySideEachFigureWithItsSource() {
        HttpResponse<String> response = site.get("/compare?ids=soc-29-1141,anzsco-411215&lang=en");

        assertEquals(200, response.statusCode(), response.body());
        String html = response.body();
        String text = text(html);
        assertTrue(html.contains("<a class=\"compared-title\" href=\"/occupations/soc-29-1141\">Registered Nurses</a>"));
        assertTrue(html.contains("<span lang=\"zh-Hant\">護理師</span>\n"
                + "          <small class=\"badge\">editorial translation</small>"), "our translation, said so");
        assertTrue(html.contains("<span lang=\"zh-Hant\">社區服務工作者</span>\n          </span>"),
                "the seed page's own Chinese title is not marked");
        assertTrue(text.contains("Overall 5.9 / 10 Scoring model 2 not scored yet"), text);
        assertTrue(text.contains("AI risk (higher is safer) 6.4"), "the eight dimensions");
        assertTrue(text.contains("Median wage (USD a year) 93,600 Source: BLS OEWS May 2024 (2024-05-01)"
                + " no published figure"), "the wage with its release; none for New Zealand");
        assertTrue(text.contains("Projected change in jobs +5.6% (2022–2032) Source: BLS Employment Projections"
                + " 2022-32 (2023-09-06)"));
        assertTrue(text.contains("Openings a year, on average 193,100"));
        assertTrue(text.contains("Typical education needed to enter Bachelor's degree"));
        assertTrue(text.contains("Job zone 4 of 5: Considerable preparation needed Source: O*NET 30.1"));
        assertTrue(text.contains("AI exposure (GPT-4, β) 33% (rated by people: 38%) Source: GPTs are GPTs 2024"));
        assertTrue(text.contains("AI applicability (0–1) 0.12 Source: Working with AI 2025"));
        assertTrue(text.contains("United States H-1B: open EB-2: not open PERM labor certification: open"), text);
        assertTrue(text.contains("New Zealand · Green List: Tier 2 (Work to Residence) Green List: open"
                + " Skilled Migrant Category: cannot be told yet"), "an unknown route is not called closed");
        assertTrue(html.contains("href=\"/?compare=soc-29-1141%2Canzsco-411215\">Add another occupation"));
        assertTrue(html.contains("href=\"/?compare=anzsco-411215\"><span>Remove</span>"),
                "removing one of two goes back to picking");
        String footer = html.substring(html.indexOf("<footer"));
        assertTrue(footer.contains("Occupational Employment and Wage Statistics") && footer.contains("GPTs are GPTs"));
    }

    @Test
    void inChineseTheTranslatedTitleIsMarkedWhereItIsTheHeading() {
        String html = site.get("/compare?ids=soc-29-1141&ids=anzsco-411215&lang=zh").body();

        assertTrue(html.contains(">護理師</a>\n        <small class=\"badge\">編輯翻譯</small>"), html);
        assertTrue(text(html).contains("比較職業"));
        assertTrue(text(html).contains("資料來源：BLS OEWS May 2024（2024-05-01）"));
        assertTrue(html.contains("href=\"?ids=soc-29-1141&amp;ids=anzsco-411215&amp;lang=en\""),
                "the same comparison in English");
    }

    @Test
    void badInputIsAClearErrorPageNeverAFault() {
        assertError("/compare?lang=en", 400, "Choose two to four occupations");
        assertError("/compare?ids=soc-29-1141&lang=en", 400, "Choose two to four occupations");
        assertError("/compare?ids=soc-29-1141,soc-29-1141&lang=en", 400, "Choose two to four occupations");
        assertError("/compare?ids=soc-11-1011,soc-11-1021,soc-11-2011,soc-11-2021,soc-11-3012&lang=en", 400,
                "Choose two to four occupations");
        assertError("/compare?ids=soc-29-1141,nurse&lang=en", 400, "Not an occupation");
        assertError("/compare?ids=soc-29-1141,..%2F..%2Fapi%2Fscoring&lang=zh", 400, "不是職業代碼");
        assertError("/compare?ids=soc-29-1141,anzsco-999999&lang=en", 404, "Occupation not found");
        assertTrue(site.calls().stream().noneMatch(uri -> uri.getPath().contains("nurse")
                || uri.getPath().contains("scoring")), "nothing malformed is asked of a service");
    }

    @Test
    void theCatalogCarriesTheOccupationsPickedAndOffersTicks() {
        String html = site.get("/?compare=soc-29-1141&lang=en").body();

        assertTrue(text(html).contains("Picked to compare: SOC 29-1141."), text(html));
        assertTrue(html.contains("<input type=\"hidden\" name=\"compare\" value=\"soc-29-1141\">"),
                "a new search keeps it");
        assertTrue(html.contains("<form id=\"compare-form\" class=\"compare-pick\" method=\"get\" action=\"/compare\">"
                + "\n    <input type=\"hidden\" name=\"ids\" value=\"soc-29-1141\">"));
        assertTrue(html.contains("<input type=\"checkbox\" name=\"ids\" form=\"compare-form\" value=\"anzsco-411215\">"));
        assertFalse(html.contains("value=\"soc-29-1141\">\n          <span class=\"visually-hidden\">"),
                "the one picked has no tick");
        assertTrue(html.contains("href=\"/?page=1&amp;compare=soc-29-1141\" rel=\"next\""), "paging keeps it");
        assertEquals(400, site.get("/?compare=soc-29-1141,nurse").statusCode());
        assertEquals(400, site.get("/?compare=soc-11-1011,soc-11-1021,soc-11-2011,soc-11-2021").statusCode(),
                "four picked leave no room for another");
        assertFalse(site.get("/?lang=en").body().contains("Picked to compare"));
    }

    private void assertError(String path, int status, String says) {
        HttpResponse<String> response = site.get(path);
        assertEquals(status, response.statusCode(), path);
        assertTrue(text(response.body()).contains(says), path + ": " + text(response.body()));
    }

    private static Answer answer(URI uri) {
        return switch (uri.getPath()) {
            case "/api/scores/soc-29-1141" -> Answer.fixture("score-soc-29-1141.json");
            case "/api/immigration/occupations/soc-29-1141/status" -> Answer.fixture("status-soc-29-1141.json");
            case "/api/immigration/occupations/anzsco-411215/status" -> Answer.fixture("status-anzsco-411215.json");
            default -> null;
        };
    }
}

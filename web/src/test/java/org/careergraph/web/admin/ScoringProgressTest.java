package org.careergraph.web.admin;

import static org.careergraph.web.StubbedSite.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import org.careergraph.web.StubbedSite;
import org.careergraph.web.StubbedSite.Answer;
import org.junit.jupiter.api.Test;

/** The console's scoring page shows how far the latest re-score got, as the scoring service reports it. */
class ScoringProgressTest {

    private final StubbedSite site = StubbedSite.start();

    @Test
    void aRunningReScoreShowsItsCountRateAndTimeLeft() {
        site.answer(uri -> uri.getPath().equals("/api/scoring/model") ? Answer.fixture("scoring-model.json") : null);

        HttpResponse<String> english = site.get("/admin/scoring?lang=en", Map.of("Cookie", StubbedSite.adminCookie()));
        String chinese = site.get("/admin/scoring?lang=zh", Map.of("Cookie", StubbedSite.adminCookie())).body();

        assertEquals(200, english.statusCode(), english.body());
        String progress = progress(english.body());
        assertTrue(progress.contains("State: running") && progress.contains("Scored 1,200 of 2,036")
                && progress.contains("Scores changed: 12") && progress.contains("340.5 occupations a second")
                && progress.contains("about 2 min 5 s left"), progress);
        assertTrue(english.body().contains("<a href=\"/admin/scoring\">Refresh to see how far it got</a>"));
        String zh = progress(chinese);
        assertTrue(zh.contains("已評分 1,200 / 2,036") && zh.contains("每秒 340.5 個職業") && zh.contains("約剩 2 分 5 秒"), zh);
    }

    @Test
    void aJobReportedWithoutRateOrTimeLeftShowsItsCountAlone() {
        String finished = StubbedSite.fixture("scoring-model.json").replace("\"RUNNING\"", "\"DONE\"")
                .replace("\"scored\": 1200", "\"scored\": 2036").replace("\"perSecond\": 340.5,", "")
                .replace("\"secondsLeft\": 125,", "");
        site.answer(uri -> uri.getPath().equals("/api/scoring/model") ? Answer.json(finished) : null);

        String html = site.get("/admin/scoring?lang=en", Map.of("Cookie", StubbedSite.adminCookie())).body();

        String progress = progress(html);
        assertTrue(progress.contains("State: done") && progress.contains("Scored 2,036 of 2,036"), progress);
        assertFalse(progress.contains("a second") || progress.contains("left"), progress);
        assertFalse(html.contains("Refresh to see how far it got"), "nothing more to see");
    }

    private static String progress(String html) {
        int start = html.indexOf("<ul class=\"facts\" id=\"rescore-progress\">");
        assertTrue(start >= 0, html);
        return text(html.substring(start, html.indexOf("</ul>", start)));
    }
}

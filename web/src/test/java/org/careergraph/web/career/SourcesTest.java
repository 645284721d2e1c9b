package org.careergraph.web.career;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.careergraph.web.i18n.Language;
import org.careergraph.web.view.PageContext;
import org.junit.jupiter.api.Test;

class SourcesTest {

    private static final PageContext EN = new PageContext(Language.EN, Map.of(), null, null);
    private static final PageContext ZH = new PageContext(Language.ZH, Map.of(), null, null);

    private static final Map<String, Object> OEWS = Map.of("kind", "RELEASE", "series", "OEWS", "release", "May 2024",
            "releasedOn", "2024-05-01");
    private static final Map<String, Object> OLD_ONET = Map.of("kind", "RELEASE", "series", "ONET", "release", "29.0",
            "releasedOn", "2024-08-01");
    private static final Map<String, Object> ZH_TITLES = Map.of("kind", "EDITORIAL_TRANSLATION", "series",
            "ZH_TITLES", "release", "2026-12", "releasedOn", "2026-12-03");
    private static final Map<String, Object> IMPORTED = Map.of("kind", "PAGE_IMPORT", "by", "seed",
            "at", "2026-12-03T07:44:42.584Z");
    private static final Map<String, Object> EDITED = Map.of("kind", "EDITORIAL", "by", "editor-7",
            "at", "2027-01-05T23:10:00Z");

    private static final List<Object> RELEASES = List.of(
            release("ONET", "O*NET", "29.0", false, "O*NET 29.0 line"),
            release("ONET", "O*NET", "30.1", true, "O*NET 30.1 line"),
            release("OEWS", "BLS OEWS", "May 2024", true, "OEWS line"),
            release("ANZSCO", "ANZSCO", "1.2", true, "ANZSCO line"),
            release("ZH_TITLES", "Career Graph zh-Hant titles", "2026-12", true, "zh line"),
            release("LLM_EXPOSURE", "GPTs are GPTs", "2024", true, "GPTs line"));

    @Test
    void eachKindOfSourceInWords() {
        Sources sources = new Sources(occupation(), RELEASES, EN);

        assertEquals("Source: BLS OEWS May 2024 (2024-05-01)", sources.label("/official/wages"));
        assertEquals("Editorial translation (Career Graph, 2026-12)", sources.label("/title/zh"));
        assertEquals("Imported from the page's text on 2026-12-03", sources.label("/summary"));
        assertEquals("Edited by editor-7 on 2027-01-05", sources.label("/salaryBands"));
        assertEquals("Set by an editor before sources were kept", sources.label("/faq"));
        assertTrue(sources.isTranslation("/title/zh"));
        assertFalse(sources.isTranslation("/summary"));
    }

    @Test
    void inChinese() {
        Sources sources = new Sources(occupation(), RELEASES, ZH);

        assertEquals("資料來源：BLS OEWS May 2024（2024-05-01）", sources.label("/official/wages"));
        assertEquals("由 editor-7 於 2027-01-05 編輯", sources.label("/salaryBands"));
        assertEquals("編輯翻譯（Career Graph，2026-12）", sources.label("/title/zh"));
    }

    @Test
    void aSectionNamesEachOfItsSourcesOnce() {
        Sources sources = new Sources(occupation(), RELEASES, EN);

        assertEquals("Imported from the page's text on 2026-12-03 · Edited by editor-7 on 2027-01-05",
                sources.labels(List.of("/summary", "/aiImpact", "/salaryBands", "/faq")), "fields without one skipped");
        assertEquals("Set by an editor before sources were kept", sources.labels(List.of("/faq", "/outlook")));
    }

    @Test
    void aSeriesUnknownToTheCatalogIsNamedByItsCode() {
        Map<String, Object> occupation = occupation();
        provenance(occupation).put("/official/aiApplicability", Map.of("kind", "RELEASE", "series",
                "AI_APPLICABILITY", "release", "2025", "releasedOn", "2025-07-10"));

        assertEquals("Source: AI_APPLICABILITY 2025 (2025-07-10)",
                new Sources(occupation, RELEASES, EN).label("/official/aiApplicability"));
        assertNull(new Sources(occupation, RELEASES, EN).attribution("/official/aiApplicability"));
    }

    @Test
    void theFooterNamesTheSeriesWhoseDataIsShownWithTheReleaseThatSetIt() {
        Map<String, Object> occupation = occupation();
        Sources sources = new Sources(occupation, RELEASES, EN);

        // O*NET set the tasks in 29.0 (still held): its line, not 30.1's; ANZSCO set a field that is now empty.
        assertEquals(List.of("O*NET 29.0 line", "OEWS line", "zh line"), sources.attributions(occupation));
        assertEquals("OEWS line", sources.attribution("/official/wages"));
        assertEquals(List.of("O*NET 30.1 line", "ANZSCO line", "OEWS line", "GPTs line", "zh line"),
                Sources.inForce(RELEASES), "the catalog's footer: every release in force, in series order");
    }

    @Test
    void aFieldHasAValueWhenSomethingInItCanBeShown() {
        Map<String, Object> occupation = occupation();

        assertTrue(Sources.hasValue(occupation, "/official/wages"));
        assertTrue(Sources.hasValue(occupation, "/skillLevel"), "beside the page");
        assertTrue(Sources.hasValue(occupation, "/title/zh"));
        assertFalse(Sources.hasValue(occupation, "/aiImpact"), "only empty lists");
        assertFalse(Sources.hasValue(occupation, "/official/groups"));
        assertFalse(Sources.hasValue(occupation, "/official/projections"));
        assertFalse(Sources.hasValue(Map.of(), "/summary"));
    }

    private static Map<String, Object> occupation() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("/official/wages", OEWS);
        fields.put("/official/tasks", OLD_ONET);
        fields.put("/official/groups", Map.of("kind", "RELEASE", "series", "ANZSCO", "release", "1.2"));
        fields.put("/title/zh", ZH_TITLES);
        fields.put("/summary", IMPORTED);
        fields.put("/aiImpact", IMPORTED);
        fields.put("/salaryBands", EDITED);
        Map<String, Object> official = Map.of("wages", Map.of("socCode", "29-1141", "percentiles", List.of()),
                "tasks", List.of(Map.of("text", Map.of("en", "Record vital signs."), "core", true)),
                "groups", List.of());
        Map<String, Object> page = Map.of("title", Map.of("zh", "護理師", "en", "Registered Nurses"),
                "summary", Map.of("en", "Cares."), "aiImpact", Map.of("tools", List.of(), "humanMoat", List.of()),
                "salaryBands", List.of(Map.of("level", "Entry", "min", 1)), "official", official);
        Map<String, Object> occupation = new HashMap<>();
        occupation.put("skillLevel", 1);
        occupation.put("page", page);
        occupation.put("provenance", Map.of("fields", fields));
        return occupation;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> provenance(Map<String, Object> occupation) {
        return (Map<String, Object>) ((Map<String, Object>) occupation.get("provenance")).get("fields");
    }

    private static Map<String, Object> release(String series, String title, String release, boolean inForce,
                                               String attribution) {
        return Map.of("series", series, "title", title, "release", release, "inForce", inForce,
                "attribution", attribution);
    }
}

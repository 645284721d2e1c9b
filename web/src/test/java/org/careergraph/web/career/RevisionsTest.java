package org.careergraph.web.career;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.careergraph.web.i18n.Language;
import org.careergraph.web.view.PageContext;
import org.junit.jupiter.api.Test;

class RevisionsTest {

    private static final PageContext EN = new PageContext(Language.EN, Map.of(), null, null);
    private static final PageContext ZH = new PageContext(Language.ZH, Map.of(), null, null);

    @Test
    void aChangeReadsAsItsSectionAndPlace() {
        Map<String, String> change = only(revision(change("/salaryBands/1/max", 58000, 60000)), EN);

        assertEquals(Map.of("section", "Salary", "place", "#2 › max", "before", "58000", "after", "60000"), change);
        assertEquals("薪資", only(revision(change("/salaryBands/1/max", 1, 2)), ZH).get("section"),
                "the section in the reader's language");
    }

    @Test
    void aTopLevelChangeHasNoPlaceAndAnUnknownSectionShowsItsName() {
        assertEquals("Archived", only(revision(change("/archived", false, true)), EN).get("section"));
        assertEquals("", only(revision(change("/archived", false, true)), EN).get("place"));
        assertEquals("Summary", only(revision(change("/page/summary/en", "a", "b")), EN).get("section"));
        assertEquals("en", only(revision(change("/page/summary/en", "a", "b")), EN).get("place"));
        assertEquals("somethingNew", only(revision(change("/somethingNew", 1, 2)), EN).get("section"));
    }

    @Test
    void theRevisionKeepsItsOwnFields() {
        Map<String, Object> revision = new LinkedHashMap<>(revision(change("/code", "411215", "411216")));
        revision.put("revision", 3);
        revision.put("kind", "UPDATED");
        revision.put("changedBy", "editor@example.com");
        revision.put("changedAt", "2026-12-02T05:51:00Z");

        Map<String, Object> readable = Revisions.readable(List.of(revision, "not a revision"), EN).getFirst();

        assertEquals(1, Revisions.readable(List.of(revision, "not a revision"), EN).size());
        assertEquals(3, readable.get("revision"));
        assertEquals("UPDATED", readable.get("kind"));
        assertEquals("editor@example.com", readable.get("changedBy"));
        assertEquals("2026-12-02T05:51:00Z", readable.get("changedAt"));
    }

    @Test
    void aBilingualValueIsInTheReadersLanguage() {
        Map<String, String> text = Map.of("en", "Engineer", "zh", "工程師");

        assertEquals("Engineer", Revisions.value(text, EN));
        assertEquals("工程師", Revisions.value(text, ZH));
        assertEquals("工程師", Revisions.value(Map.of("zh", "工程師"), EN));
    }

    @Test
    void nestedValuesAreWordsNotJson() {
        Map<String, Object> band = new LinkedHashMap<>();
        band.put("level", Map.of("en", "Entry", "zh", "初級"));
        band.put("min", 48000);
        band.put("tags", List.of("a", "b"));

        assertEquals("level: Entry; min: 48000; tags: a | b", Revisions.value(band, EN));
        assertEquals("level: 初級; min: 48000; tags: a | b | level: 初級; min: 48000; tags: a | b",
                Revisions.value(List.of(band, band), ZH));
    }

    @Test
    void nothingIsADash() {
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("note", null);

        assertEquals("—", Revisions.value(null, EN));
        assertEquals("—", Revisions.value(List.of(), EN));
        assertEquals("note: —", Revisions.value(withNull, EN));
    }

    @Test
    void longValuesAreCut() {
        String cut = Revisions.value("x".repeat(401), EN);

        assertEquals("x".repeat(400) + " …", cut);
        assertEquals("x".repeat(400), Revisions.value("x".repeat(400), EN));
    }

    @Test
    void aCutNeverSplitsACharacter() {
        String text = "x".repeat(399) + "𠀀𠀀"; // a supplementary character is two chars: the 400th and 401st

        assertEquals("x".repeat(399) + " …", Revisions.value(text, EN));
    }

    private static Map<String, Object> change(String path, Object before, Object after) {
        Map<String, Object> change = new HashMap<>();
        change.put("path", path);
        change.put("before", before);
        change.put("after", after);
        return change;
    }

    private static Map<String, Object> revision(Map<String, Object> change) {
        return Map.of("revision", 2, "changes", List.of(change));
    }

    private static Map<String, String> only(Map<String, Object> revision, PageContext page) {
        List<Map<String, Object>> readable = Revisions.readable(List.of(revision), page);
        assertEquals(1, readable.size());
        List<?> changes = (List<?>) readable.getFirst().get("changes");
        assertEquals(1, changes.size());
        @SuppressWarnings("unchecked")
        Map<String, String> change = (Map<String, String>) changes.getFirst();
        return change;
    }
}

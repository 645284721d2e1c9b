package org.careergraph.web.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.careergraph.web.i18n.Language;
import org.careergraph.web.view.PageContext;
import org.junit.jupiter.api.Test;

class CatalogControllerTest {

    private static final PageContext EN = new PageContext(Language.EN, Map.of(), null, null);

    @Test
    void theExposureBandIsAskedAsAShareOfOne() {
        Map<String, String> errors = new LinkedHashMap<>();

        Map<String, Object> query = CatalogController.apiQuery(filters("minExposure", "30", "maxExposure", " 62.5 "),
                errors, EN);

        assertEquals("0.3", query.get("minExposure"));
        assertEquals("0.625", query.get("maxExposure"));
        assertEquals("50000", query.get("minWage"), "other filters pass as they are");
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals("0", CatalogController.apiQuery(filters("minExposure", "0", "maxExposure", "100"), errors, EN)
                .get("minExposure"));
    }

    @Test
    void aPercentageOutOfRangeOrNoNumberIsItsFieldsError() {
        Map<String, String> errors = new LinkedHashMap<>();

        CatalogController.apiQuery(filters("minExposure", "-1", "maxExposure", "much"), errors, EN);

        assertEquals(Map.of("minExposure", "Give a percentage from 0 to 100.",
                "maxExposure", "Give a percentage from 0 to 100."), errors);
        errors.clear();
        CatalogController.apiQuery(filters("minExposure", "100.5", "maxExposure", ""), errors, EN);
        assertEquals(List.of("minExposure"), List.copyOf(errors.keySet()));
    }

    @Test
    void groupsAreListedAnzscoFirstThenSoc() {
        List<Object> groups = List.of(Map.of("codeSystem", "SOC", "code", "11-0000"),
                Map.of("codeSystem", "ANZSCO", "code", "1"), Map.of("codeSystem", "ISCO", "code", "2"),
                Map.of("codeSystem", "ANZSCO"), "no group");

        Map<String, List<Map<?, ?>>> bySystem = CatalogController.groupsBySystem(groups);

        assertEquals(List.of("ANZSCO", "SOC", "ISCO"), List.copyOf(bySystem.keySet()));
        assertEquals(1, bySystem.get("ANZSCO").size(), "one without a code is left out");
        assertEquals(Map.of(), CatalogController.groupsBySystem(List.of()));
    }

    private static Map<String, String> filters(String minName, String min, String maxName, String max) {
        Map<String, String> filters = new LinkedHashMap<>();
        CatalogController.FILTERS.forEach(name -> filters.put(name, null));
        filters.put("minWage", "50000");
        filters.put(minName, min);
        filters.put(maxName, max);
        return filters;
    }
}

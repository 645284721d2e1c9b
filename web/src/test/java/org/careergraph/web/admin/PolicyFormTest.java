package org.careergraph.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.careergraph.web.view.Form;
import org.junit.jupiter.api.Test;

class PolicyFormTest {

    /** Rows 0 and 3 filled (row 3 removes its rule), everything else blank. */
    private static final PolicyForm FORM = PolicyForm.of(Form.parse("country=NZ&effectiveFrom=&source=+&note=Budget+2026"
            + "&changes%5B0%5D.kind=GREEN_LIST_TIER&changes%5B0%5D.codeSystem=ANZSCO&changes%5B0%5D.code=411215"
            + "&changes%5B0%5D.value=1&changes%5B0%5D.key=&changes%5B0%5D.effectiveTo="
            + "&changes%5B1%5D.kind=&changes%5B1%5D.value=+"
            + "&changes%5B3%5D.kind=SMC_POINTS&changes%5B3%5D.code=2544&changes%5B3%5D.remove=true"));

    @Test
    void theRequestLeavesOutBlankRowsAndBlankFields() {
        Map<String, Object> first = Map.of("kind", "GREEN_LIST_TIER", "codeSystem", "ANZSCO", "code", "411215",
                "value", "1");
        Map<String, Object> second = new HashMap<>(Map.of("kind", "SMC_POINTS", "code", "2544"));
        second.put("value", null);

        Map<String, Object> request = FORM.request();

        assertEquals(List.of("country", "note", "changes"), List.copyOf(request.keySet()));
        assertEquals("NZ", request.get("country"));
        assertEquals("Budget 2026", request.get("note"));
        assertEquals(List.of(first, second), request.get("changes"));
    }

    @Test
    void aRowThatRemovesItsRuleSendsValueNull() {
        Map<?, ?> change = (Map<?, ?>) ((List<?>) FORM.request().get("changes")).get(1);

        assertEquals(true, change.containsKey("value"));
        assertEquals(null, change.get("value"));
        assertEquals(false, change.containsKey("remove"), "the box is the form's, not the API's");
        assertEquals(Map.of(), FORM.missingValues("give a value"));
    }

    @Test
    void aRowWithoutAValueThatRemovesNothingIsAnError() {
        PolicyForm form = PolicyForm.of(Form.parse("country=NZ&changes%5B0%5D.kind=GREEN_LIST_TIER"
                + "&changes%5B2%5D.kind=SMC_POINTS&changes%5B2%5D.code=2544"));

        assertEquals(Map.of("changes[0].value", "give a value", "changes[2].value", "give a value"),
                form.missingValues("give a value"));
    }

    @Test
    void anEmptyFormSendsNoChanges() {
        assertEquals(Map.of("country", "NZ", "changes", List.of()), PolicyForm.empty(null).request());
        assertEquals(Map.of("country", "US", "changes", List.of()), PolicyForm.empty("US").request());
    }

    @Test
    void errorsOfAChangeGoBackToItsRow() {
        Map<String, String> api = new LinkedHashMap<>();
        api.put("changes[1].value", "SMC_POINTS needs a value");
        api.put("changes[0]", "unknown occupation");
        api.put("effectiveFrom", "in the past");
        api.put("changes[2].code", "no such row");
        api.put("changes", "too many");

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("changes[3].value", "SMC_POINTS needs a value");
        expected.put("changes[0]", "unknown occupation");
        expected.put("effectiveFrom", "in the past");
        expected.put("changes[2].code", "no such row");
        expected.put("changes", "too many");
        assertEquals(expected, FORM.formErrors(api));
    }
}

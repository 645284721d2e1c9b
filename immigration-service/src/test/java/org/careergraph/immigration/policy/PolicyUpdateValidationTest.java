package org.careergraph.immigration.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiPredicate;
import org.careergraph.events.CodeSystem;
import org.careergraph.events.RuleChange;
import org.careergraph.immigration.rules.Country;
import org.careergraph.platform.web.Problem.FieldError;
import org.junit.jupiter.api.Test;

class PolicyUpdateValidationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final BiPredicate<CodeSystem, String> KNOWN = (system, code) -> code.startsWith("41");

    @Test
    void aValidUpdateHasNoProblems() {
        assertEquals(List.of(), problems(TODAY.minusDays(30), change("GREEN_LIST_TIER", "ANZSCO", "411215", "1"),
                change("green_list_tier", "anzsco", " 411216 ", null)));
    }

    @Test
    void eachProblemNamesItsField() {
        List<FieldError> problems = problems(TODAY.minusDays(31),
                change("SMC_POINTS", "ANZSCO", "411215", "1"),
                change("GREEN_LIST_TIER", "XYZ", "411215", "1"),
                change("GREEN_LIST_TIER", "SOC", "21-1022", "1"),
                change("GREEN_LIST_TIER", "ANZSCO", "41121", "1"),
                change("GREEN_LIST_TIER", "ANZSCO", "599999", "1"),
                change("GREEN_LIST_TIER", "ANZSCO", "411215", "3"),
                change("GREEN_LIST_TIER", "ANZSCO", "411215", "2"));

        assertEquals(List.of("effectiveFrom", "changes[0].kind", "changes[1].codeSystem", "changes[2].codeSystem",
                "changes[3].code", "changes[4].code", "changes[5].value", "changes[6].code"),
                problems.stream().map(FieldError::field).toList());
        assertTrue(problems.get(5).message().startsWith("unknown occupation code"), problems.get(5).message());
        assertEquals("must be one of [ANZSCO]", problems.get(3).message());
        assertTrue(problems.get(7).message().startsWith("conflicts with changes[5]"), problems.get(7).message());
    }

    @Test
    void settingsTakeAKeyOrNothingAndAPositiveValue() {
        List<FieldError> problems = problems(TODAY,
                setting("MEDIAN_WAGE", "RESIDENCE", "-35.00", null),
                setting("MEDIAN_WAGE", "BOTH", "35.00", null),
                setting("MEDIAN_WAGE", null, "35", null),
                new PolicyUpdateRequest.Change("MINIMUM_WAGE", "ANZSCO", "411215", null, "23.95", null),
                setting("AEWV_WAGE_RULE", null, "LOTTERY", null),
                setting("SMC_INCOME_MULTIPLE", "3", "1.5", TODAY.minusDays(1)),
                setting("H1B_CAP", "REGULAR", "65000", null),
                setting("median_wage", "residence", "36.10", null));
        assertEquals(List.of("changes[0].value", "changes[1].key", "changes[2].key", "changes[3].codeSystem",
                "changes[3].code", "changes[4].value", "changes[5].effectiveTo", "changes[6].kind",
                "changes[7].key"), problems.stream().map(FieldError::field).toList());
        assertTrue(problems.get(0).message().startsWith("must be an amount above 0"), problems.get(0).message());
        assertTrue(problems.get(8).message().startsWith("conflicts with changes[0]"), problems.get(8).message());
        assertEquals(List.of(), PolicyUpdateValidation.problems(new PolicyUpdateRequest("US", TODAY, "USCIS", null,
                List.of(setting("H1B_CAP", "regular", "70000", null))), Country.US, TODAY, KNOWN));
    }

    @Test
    void aDateDecadesAheadIsATypo() {
        assertEquals(List.of(), problems(TODAY.plusYears(10), change("GREEN_LIST_TIER", "ANZSCO", "411215", "1")));
        List<FieldError> problems = problems(LocalDate.of(10000, 1, 1), change("GREEN_LIST_TIER", "ANZSCO", "411215",
                "1"));
        assertEquals(List.of("effectiveFrom"), problems.stream().map(FieldError::field).toList());
    }

    @Test
    void storedChangesAreNormalized() {
        assertEquals(List.of(new RuleChange("GREEN_LIST_TIER", "ANZSCO", "411215", "2")),
                PolicyUpdateValidation.normalized(List.of(change("green_list_tier", "Anzsco", " 411215", " 2 "))));
    }

    private static List<FieldError> problems(LocalDate effectiveFrom, PolicyUpdateRequest.Change... changes) {
        PolicyUpdateRequest request = new PolicyUpdateRequest("NZ", effectiveFrom, "Appendix 13", null,
                Arrays.asList(changes));
        return PolicyUpdateValidation.problems(request, Country.NZ, TODAY, KNOWN);
    }

    private static PolicyUpdateRequest.Change setting(String kind, String key, String value, LocalDate to) {
        return new PolicyUpdateRequest.Change(kind, null, null, key, value, to);
    }

    private static PolicyUpdateRequest.Change change(String kind, String codeSystem, String code, String value) {
        return new PolicyUpdateRequest.Change(kind, codeSystem, code, value);
    }
}

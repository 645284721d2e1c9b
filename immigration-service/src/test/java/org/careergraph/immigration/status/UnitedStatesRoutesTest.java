package org.careergraph.immigration.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.careergraph.events.SalaryBand;
import org.careergraph.immigration.occupation.KnownOccupation;
import org.careergraph.immigration.policy.ReferenceRuleBooks;
import org.careergraph.immigration.rules.Country;
import org.careergraph.immigration.rules.Rule;
import org.careergraph.immigration.rules.RuleBook;
import org.careergraph.immigration.rules.RuleKind;
import org.careergraph.immigration.status.Route.State;
import org.careergraph.immigration.status.Route.UnknownBecause;
import org.junit.jupiter.api.Test;

/**
 * US routes for SOC occupations read the degree from published figures: BLS's typical entry education, else the O*NET
 * job zone, else unknown. Rules: the initial rule set (H-1B cap 65,000 + 20,000, fee USD 215, weighted selection
 * I-IV = 1-4 entries from 2026-02-27, EB-2 with 5 years' experience after a bachelor's).
 */
class UnitedStatesRoutesTest {

    private static final RuleBook US = ReferenceRuleBooks.of(Country.US);
    private static final String PROJECTIONS = "BLS Employment Projections 2023-33";

    @Test
    void aBachelorsEntryEducationOpensH1bAndEb2WithExperience() {
        Assessment status = assess(soc("15-1252", "Bachelor's degree", null, 120_000), "2026-04-01");

        assertEquals(List.of("H1B", "EB2", "PERM"), status.summary().usRoutes());
        assertNull(status.summary().usRoutesUnknown());
        Route h1b = route(status, "H1B");
        assertEquals(State.OPEN, h1b.state());
        assertEquals(Boolean.TRUE, h1b.open());
        assertNull(h1b.unknownBecause());
        assertTrue(h1b.explanation().en().startsWith("H-1B (specialty occupation, a bachelor's degree or higher): The"
                + " typical entry education is \"Bachelor's degree\" (" + PROJECTIONS + "), so it qualifies. Cap: 65,000"
                + " a year plus 20,000 for US master's degrees or higher."), h1b.explanation().en());
        assertTrue(h1b.explanation().zh().startsWith("H-1B（專業職業，須學士或以上學位）：典型入行學歷為「Bachelor's degree」（"
                + PROJECTIONS + "），符合資格。"), h1b.explanation().zh());
        Route eb2 = route(status, "EB2");
        assertEquals(State.OPEN, eb2.state());
        assertTrue(eb2.explanation().en().contains("; with 5 years' progressive experience it counts as advanced."),
                eb2.explanation().en());
        assertTrue(eb2.explanation().zh().contains("加上 5 年遞進經驗可視同高等學位"), eb2.explanation().zh());
        assertNull(status.summary().h1bSelectionEntries(), "weighted selection, no prevailing wages for 15-1252");
        assertEquals(1, assess(soc("15-1252", "Bachelor's degree", null, 120_000), "2025-06-01").summary()
                .h1bSelectionEntries(), "before 2026-02-27: one lottery entry");
    }

    @Test
    void aHighSchoolEntryEducationOpensNeitherH1bNorEb2() {
        Assessment status = assess(soc("41-2031", "High school diploma or equivalent", 2, 35_000), "2026-04-01");

        assertEquals(List.of("PERM"), status.summary().usRoutes());
        assertNull(status.summary().usRoutesUnknown());
        assertNull(status.summary().h1bSelectionEntries());
        Route h1b = route(status, "H1B");
        assertEquals(State.CLOSED, h1b.state());
        assertEquals(Boolean.FALSE, h1b.open());
        assertTrue(h1b.explanation().en().contains("\"High school diploma or equivalent\" (" + PROJECTIONS + "), so it"
                + " does not qualify."), h1b.explanation().en());
        assertEquals(State.CLOSED, route(status, "EB2").state());
        assertTrue(route(status, "EB2").explanation().en().contains("; only exceptional ability would qualify."));
        assertEquals(State.OPEN, route(status, "PERM").state());
    }

    @Test
    void theEntryEducationDecidesBeforeTheJobZone() {
        // BLS's "Associate's degree" is below a bachelor's even though the job zone (4) would read as one.
        Assessment status = assess(soc("29-2034", "Associate's degree", 4, 70_000), "2026-04-01");
        assertEquals(List.of("PERM"), status.summary().usRoutes());
        assertTrue(route(status, "H1B").explanation().en().contains("\"Associate's degree\""));
    }

    @Test
    void withoutAnEntryEducationTheJobZoneStandsIn() {
        // O*NET sub-occupations such as 15-2051.01 have a job zone but no BLS projection.
        Assessment zone5 = assess(soc("15-2051.01", null, 5, 110_000), "2026-04-01");
        assertEquals(List.of("H1B", "EB2", "PERM"), zone5.summary().usRoutes());
        String h1b = route(zone5, "H1B").explanation().en();
        assertTrue(h1b.startsWith("H-1B (specialty occupation, a bachelor's degree or higher): BLS publishes no typical"
                + " entry education for it; its job zone is 5 (extensive preparation needed: most need graduate"
                + " school, taken as a master's degree; O*NET), so it qualifies."), h1b);
        assertTrue(h1b.contains("; the advanced-degree cap applies."), h1b);
        assertTrue(route(zone5, "H1B").explanation().zh().contains("其工作區為 5（需要大量準備：多數需要研究所學歷，視為碩士學位；O*NET）"));
        assertTrue(route(zone5, "EB2").explanation().en().contains("master's degree; O*NET), an advanced degree."));

        Assessment zone4 = assess(soc("13-1199.05", null, 4, 80_000), "2026-04-01");
        assertEquals(List.of("H1B", "EB2", "PERM"), zone4.summary().usRoutes(), "a bachelor's, EB-2 with experience");
        assertTrue(route(zone4, "EB2").explanation().en().contains("most need a bachelor's degree; O*NET); with 5 years'"));

        Assessment zone3 = assess(soc("49-9071.01", null, 3, 50_000), "2026-04-01");
        assertEquals(List.of("PERM"), zone3.summary().usRoutes());
        assertNull(zone3.summary().usRoutesUnknown());
        assertTrue(route(zone3, "H1B").explanation().en().contains("job zone is 3 (medium preparation needed: below a"
                + " bachelor's degree; O*NET), so it does not qualify."));
    }

    @Test
    void withNeitherFigureH1bAndEb2AreUnknownAndThePagesWordsAreNotRead() {
        KnownOccupation occupation = new KnownOccupation("soc-19-4099", "SOC", "19-4099", "其他技術員",
                "Life, Physical, and Social Science Technicians, All Other", null, bands(60_000),
                List.of("Master of Science"), 1, Instant.EPOCH, null, null, null);
        Assessment status = assess(occupation, "2026-04-01");

        assertEquals(List.of("PERM"), status.summary().usRoutes());
        assertEquals(List.of("H1B", "EB2"), status.summary().usRoutesUnknown());
        assertNull(status.summary().h1bSelectionEntries());
        for (String name : List.of("H1B", "EB2")) {
            Route route = route(status, name);
            assertEquals(State.UNKNOWN, route.state(), name);
            assertNull(route.open(), name);
            assertEquals(UnknownBecause.NO_EDUCATION_FIGURE, route.unknownBecause(), name);
            assertTrue(route.explanation().en().startsWith("Unknown: no education figure. "), route.explanation().en());
            assertTrue(route.explanation().zh().startsWith("未知：沒有學歷數據。"), route.explanation().zh());
        }
        assertTrue(route(status, "H1B").explanation().en().contains("BLS publishes no typical entry education for SOC"
                + " 19-4099 and O*NET no job zone, so whether it needs a degree cannot be told"));
        assertTrue(route(status, "H1B").explanation().zh().contains("BLS 未公布 SOC 19-4099 的典型入行學歷，O*NET 也沒有其工作區"));
        assertEquals(State.OPEN, route(status, "PERM").state());
    }

    @Test
    void payBelowTheLevelIPrevailingWageClosesH1bWhateverTheDegree() {
        RuleBook withWages = ReferenceRuleBooks.of(Country.US, wage("I", 65_000), wage("II", 75_000),
                wage("III", 85_000), wage("IV", 95_000));
        Assessment status = StatusCalculator.assess(soc("19-4099", null, null, 60_000), withWages,
                LocalDate.parse("2026-04-01"));
        assertEquals(State.CLOSED, route(status, "H1B").state(), "USD 60,000 < level I USD 65,000");
        assertEquals(List.of("EB2"), status.summary().usRoutesUnknown());
    }

    private static KnownOccupation soc(String code, String entryEducation, Integer jobZone, int annual) {
        return new KnownOccupation("soc-" + code, "SOC", code, "職業", "Occupation", null, bands(annual), List.of(), 1,
                Instant.EPOCH, entryEducation, entryEducation == null ? null : PROJECTIONS, jobZone);
    }

    private static Rule wage(String level, int amount) {
        return new Rule(RuleKind.PREVAILING_WAGE, "SOC", "19-4099", level, String.valueOf(amount),
                LocalDate.parse("2025-07-01"), null, "wages", "DOL OFLC", "admin", Instant.EPOCH, false, 1000);
    }

    private static List<SalaryBand> bands(int annual) {
        BigDecimal mid = BigDecimal.valueOf(annual);
        return List.of(new SalaryBand("mid", mid, mid, "USD", null));
    }

    private static Assessment assess(KnownOccupation occupation, String date) {
        return StatusCalculator.assess(occupation, US, LocalDate.parse(date));
    }

    private static Route route(Assessment assessment, String name) {
        return assessment.routes().stream().filter(r -> r.route().equals(name)).findFirst().orElseThrow();
    }
}

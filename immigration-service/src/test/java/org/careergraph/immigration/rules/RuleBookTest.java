package org.careergraph.immigration.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleBookTest {

    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
    private final List<Rule> rules = new ArrayList<>();

    @Test
    void theLatestEffectiveRuleWinsAndTheLaterRecordedBreaksATie() {
        tier("1", JAN_1, null, 0);
        tier("2", JAN_1.plusDays(10), null, 1);
        tier("1", JAN_1.plusDays(10), null, 2);
        RuleBook book = new RuleBook(Country.NZ, rules);

        assertNull(value(book, JAN_1.minusDays(1)));
        assertEquals("1", value(book, JAN_1));
        assertEquals("1", value(book, JAN_1.plusDays(9)));
        assertEquals("1", value(book, JAN_1.plusDays(10)), "same date: the later recorded");
        assertEquals(JAN_1, since(book, JAN_1.plusDays(20)), "a confirmation does not restart the run");
    }

    @Test
    void aRuleThatEndsHandsBackToTheRuleItCovered() {
        tier("2", JAN_1, null, 0);
        tier("1", JAN_1.plusDays(5), JAN_1.plusDays(9), 1);
        RuleBook book = new RuleBook(Country.NZ, rules);

        assertEquals("1", value(book, JAN_1.plusDays(9)), "the last day is inclusive");
        assertEquals(JAN_1.plusDays(5), since(book, JAN_1.plusDays(9)));
        assertEquals("2", value(book, JAN_1.plusDays(10)));
        assertEquals(JAN_1.plusDays(10), since(book, JAN_1.plusDays(10)));
    }

    @Test
    void aRemovalIsNoRuleInForceButHasADate() {
        tier("2", JAN_1, null, 0);
        tier(null, JAN_1.plusDays(3), null, 1);
        RuleBook book = new RuleBook(Country.NZ, rules);

        assertNull(value(book, JAN_1.plusDays(3)));
        assertTrue(book.on(JAN_1.plusDays(3)).all().isEmpty());
        assertEquals(JAN_1.plusDays(3), since(book, JAN_1.plusDays(4)));
        assertNull(book.since(RuleKind.GREEN_LIST_TIER, "ANZSCO", "999999", null, JAN_1), "never named");
    }

    private void tier(String value, LocalDate from, LocalDate to, long sequence) {
        rules.add(new Rule(RuleKind.GREEN_LIST_TIER, "ANZSCO", "411215", null, value, from, to, "u" + sequence,
                "Appendix 13", "admin", Instant.parse("2026-01-01T00:00:00Z"), false, sequence));
    }

    private static String value(RuleBook book, LocalDate date) {
        return book.on(date).occupation(RuleKind.GREEN_LIST_TIER, "ANZSCO", "411215", null).map(Rule::value)
                .orElse(null);
    }

    private static LocalDate since(RuleBook book, LocalDate date) {
        return book.since(RuleKind.GREEN_LIST_TIER, "ANZSCO", "411215", null, date);
    }
}

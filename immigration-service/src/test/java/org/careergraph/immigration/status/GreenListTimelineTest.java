package org.careergraph.immigration.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class GreenListTimelineTest {

    private static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);
    private static final Instant NOV_20 = Instant.parse("2026-11-20T08:00:00Z");

    @Test
    void noRuleMeansNotOnTheList() {
        assertEquals(GreenListStatus.NONE, GreenListTimeline.statusOn(DEC_1, List.of()));
    }

    @Test
    void theLatestRuleEffectiveByTheDateDecides() {
        List<GreenListEntry> rules = List.of(
                rule(DEC_1.minusYears(2), 1, 2, "u1"),
                rule(DEC_1, 2, 1, "u2"),
                rule(DEC_1.plusDays(1), 3, null, "u3"));

        assertEquals(GreenListStatus.NONE, GreenListTimeline.statusOn(DEC_1.minusYears(3), rules));
        assertEquals(new GreenListStatus(2, DEC_1.minusYears(2), "u1"),
                GreenListTimeline.statusOn(DEC_1.minusDays(1), rules));
        assertEquals(new GreenListStatus(1, DEC_1, "u2"), GreenListTimeline.statusOn(DEC_1, rules));
        assertEquals(new GreenListStatus(null, DEC_1.plusDays(1), "u3"),
                GreenListTimeline.statusOn(DEC_1.plusDays(1), rules));
    }

    @Test
    void amongRulesForTheSameDateTheLaterRecordedWins() {
        List<GreenListEntry> rules = List.of(
                new GreenListEntry(DEC_1, NOV_20.plusSeconds(60), 1, 1, "later"),
                new GreenListEntry(DEC_1, NOV_20, 2, 2, "earlier"));

        assertEquals(new GreenListStatus(1, DEC_1, "later"), GreenListTimeline.statusOn(DEC_1, rules));
    }

    @Test
    void recordedAtTheSameMomentTheHigherSequenceWins() {
        List<GreenListEntry> rules = List.of(
                new GreenListEntry(DEC_1, NOV_20, 8, 2, "second"),
                new GreenListEntry(DEC_1, NOV_20, 7, 1, "first"));

        assertEquals(2, GreenListTimeline.statusOn(DEC_1, rules).tier());
    }

    @Test
    void confirmingATierKeepsTheDateItWasFirstReached() {
        List<GreenListEntry> rules = List.of(
                rule(DEC_1, 1, 1, "reached"),
                rule(DEC_1.plusMonths(6), 2, 1, "confirmed"));

        assertEquals(new GreenListStatus(1, DEC_1, "reached"),
                GreenListTimeline.statusOn(DEC_1.plusYears(1), rules));
    }

    @Test
    void anOverriddenRuleDoesNotBreakARun() {
        // Tier 1 since June; on December 1 a Tier 2 rule was recorded, then replaced by a Tier 1 one the same day.
        LocalDate june = DEC_1.minusMonths(6);
        List<GreenListEntry> rules = List.of(
                rule(june, 1, 1, "june"),
                new GreenListEntry(DEC_1, NOV_20, 2, 2, "mistake"),
                new GreenListEntry(DEC_1, NOV_20.plusSeconds(5), 3, 1, "correction"));

        assertEquals(new GreenListStatus(1, june, "june"), GreenListTimeline.statusOn(DEC_1, rules));
    }

    @Test
    void removingAnOccupationThatWasNeverListedChangesNothing() {
        assertEquals(GreenListStatus.NONE, GreenListTimeline.statusOn(DEC_1, List.of(rule(DEC_1, 1, null, "u1"))));
    }

    @Test
    void aBackdatedRuleCountsFromItsOwnDate() {
        List<GreenListEntry> rules = List.of(
                rule(DEC_1, 1, 2, "announced-first"),
                // recorded later, effective earlier: it decides between its date and December 1 only
                new GreenListEntry(DEC_1.minusDays(10), NOV_20.plusSeconds(3600), 2, 1, "backdated"));

        assertEquals(new GreenListStatus(1, DEC_1.minusDays(10), "backdated"),
                GreenListTimeline.statusOn(DEC_1.minusDays(1), rules));
        assertEquals(new GreenListStatus(2, DEC_1, "announced-first"), GreenListTimeline.statusOn(DEC_1, rules));
    }

    private static GreenListEntry rule(LocalDate from, long sequence, Integer tier, String update) {
        return new GreenListEntry(from, NOV_20.plusSeconds(sequence), sequence, tier, update);
    }
}

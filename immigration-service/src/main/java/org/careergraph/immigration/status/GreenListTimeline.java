package org.careergraph.immigration.status;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Reads an occupation's Green List standing on a date from its effective-dated rules. Pure: the same rules and date
 * always give the same status.
 *
 * <p>On each date the rule in force is the one effective from that date, or else the latest earlier one; among rules
 * effective from the same date, the later recorded wins. The status is the tier of the rule in force, and
 * {@code since} is where the run of rules giving that same tier began: confirming a tier does not restart it.
 */
public final class GreenListTimeline {

    private static final Comparator<GreenListEntry> RECORDING_ORDER =
            Comparator.comparing(GreenListEntry::recordedAt).thenComparingLong(GreenListEntry::sequence);

    private GreenListTimeline() {
    }

    public static GreenListStatus statusOn(LocalDate date, Collection<GreenListEntry> entries) {
        Map<LocalDate, GreenListEntry> winnerByDate = new TreeMap<>();
        for (GreenListEntry entry : entries) {
            if (!entry.effectiveFrom().isAfter(date)) {
                winnerByDate.merge(entry.effectiveFrom(), entry,
                        (a, b) -> RECORDING_ORDER.compare(a, b) >= 0 ? a : b);
            }
        }
        GreenListStatus status = GreenListStatus.NONE;
        for (GreenListEntry rule : winnerByDate.values()) {
            if (!Objects.equals(rule.tier(), status.tier())) {
                status = new GreenListStatus(rule.tier(), rule.effectiveFrom(), rule.policyUpdateId());
            }
        }
        return status;
    }
}

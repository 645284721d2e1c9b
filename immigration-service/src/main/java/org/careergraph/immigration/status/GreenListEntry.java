package org.careergraph.immigration.status;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A Green List rule for one occupation code, as the timeline reads it: from {@code effectiveFrom}, {@code tier} (null:
 * off the list). {@code recordedAt}, then {@code sequence}, break ties between rules for the same date.
 */
public record GreenListEntry(LocalDate effectiveFrom, Instant recordedAt, long sequence, @Nullable Integer tier,
                             String policyUpdateId) {
}

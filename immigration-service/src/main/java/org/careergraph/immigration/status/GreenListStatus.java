package org.careergraph.immigration.status;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import org.careergraph.events.ImmigrationStatus;

/**
 * An occupation's Green List standing on a date: its tier (null: not on the list), the date it has held that
 * standing since, and the policy update that put it there. All null when no rule ever named the occupation.
 */
public record GreenListStatus(@Nullable Integer tier, @Nullable LocalDate since, @Nullable String policyUpdateId) {

    public static final GreenListStatus NONE = new GreenListStatus(null, null, null);

    public ImmigrationStatus toEvent() {
        return new ImmigrationStatus(tier);
    }
}

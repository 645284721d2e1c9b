package org.careergraph.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** What the rules in force mean for one occupation in one country. A null tier: not on the Green List. */
@Serdeable
public record ImmigrationStatus(@Nullable Integer greenListTier) {

    public static final ImmigrationStatus NONE = new ImmigrationStatus(null);
}

package org.careergraph.catalog.occupation;

import io.micronaut.core.annotation.Introspected;

/** An occupation's id and revision: enough to tell whether a copy of it is current. */
@Introspected
public record OccupationVersion(String id, Integer revision) {
}

package org.careergraph.catalog.occupation;

import io.micronaut.core.annotation.Introspected;
import java.time.Instant;

/**
 * An occupation's id, revision and last change (which also moves when only its sources or findings do): enough to
 * tell whether a copy of it is current.
 */
@Introspected
public record OccupationVersion(String id, Integer revision, Instant updatedAt) {
}

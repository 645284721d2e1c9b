package org.careergraph.catalog.occupation;

/** An occupation was created or changed in the current transaction (for listeners that act after commit). */
public record OccupationWritten(String occupationId) {
}

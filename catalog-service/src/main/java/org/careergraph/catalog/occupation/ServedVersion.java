package org.careergraph.catalog.occupation;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * What a read of an occupation answers from: its revision and last change (which also moves when only its sources or
 * findings do), and when its score or status last changed (null until one is heard of).
 */
@Introspected
record ServedVersion(int revision, Instant updatedAt, @Nullable Instant signalUpdatedAt) {
}

package org.careergraph.catalog.occupation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * Ratings no fact on the page gives, set by an editor for scoring: demand outlook and competition, 0-10 (higher is
 * better for the person), each with who set it and when.
 */
@Serdeable
public record Editorial(@Nullable Rating demandOutlook, @Nullable Rating competition) {

    @Serdeable
    public record Rating(int value, String setBy, Instant setAt) {
    }
}

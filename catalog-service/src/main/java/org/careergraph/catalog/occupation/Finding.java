package org.careergraph.catalog.occupation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A data-quality finding on an occupation: where the page and the official classification disagree, naming both
 * sides, so that neither is silently believed nor silently dropped.
 *
 * @param pageSide     what the page says (its title, or its code)
 * @param officialSide what the classification says (its title for the code, or that it has no such code)
 */
@Serdeable
public record Finding(Kind kind, String message, @Nullable String pageSide, @Nullable String officialSide,
                      @Nullable String release) {

    public enum Kind {
        /** The classification in force has no such code. */
        CODE_NOT_IN_CLASSIFICATION,
        /** The code names another occupation in the classification than the page's title. */
        TITLE_MISMATCH,
        /** The classification lists the code as retired. */
        CODE_RETIRED
    }

    /** The findings of one occupation (a record, so that it is stored as one JSON document). */
    @Serdeable
    public record Findings(List<Finding> items) {

        public Findings {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }
}

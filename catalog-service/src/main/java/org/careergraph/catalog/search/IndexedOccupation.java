package org.careergraph.catalog.search;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.util.Objects;
import org.careergraph.catalog.page.CareerPage;

/**
 * What the search index knows of one occupation: its page from the catalog, plus the latest overall score and Green
 * List tier the catalog heard of in events (null until it has heard of them).
 */
public record IndexedOccupation(
        String id,
        CareerPage page,
        boolean archived,
        @Nullable BigDecimal overallScore,
        @Nullable Integer greenListTier) {

    public IndexedOccupation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(page, "page");
    }

    /** The score to filter and sort by: the computed one, else the one the page was published with. */
    @Nullable
    public BigDecimal effectiveScore() {
        return overallScore != null ? overallScore : page.publishedOverallScore();
    }
}

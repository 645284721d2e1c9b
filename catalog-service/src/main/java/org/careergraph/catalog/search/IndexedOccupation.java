package org.careergraph.catalog.search;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.careergraph.catalog.page.CareerPage;

/**
 * What the search index knows of one occupation: its page and skill level from the catalog, whether its Chinese
 * title is our editorial translation, how many findings it has, plus the latest overall score and Green List status the catalog heard of in events (null until it has).
 */
public record IndexedOccupation(
        String id,
        CareerPage page,
        @Nullable Integer skillLevel,
        boolean titleZhTranslated,
        boolean archived,
        int findings,
        @Nullable BigDecimal overallScore,
        @Nullable String scoreModel,
        @Nullable Integer greenListTier,
        @Nullable LocalDate statusSince) {

    public IndexedOccupation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(page, "page");
    }

    /** An occupation with no skill level, findings or status date (for tests of the index alone). */
    public IndexedOccupation(String id, CareerPage page, boolean archived, @Nullable BigDecimal overallScore,
                             @Nullable Integer greenListTier) {
        this(id, page, null, false, archived, 0, overallScore, null, greenListTier, null);
    }

    /** The score to filter and sort by: the computed one, else the one the page was published with. */
    @Nullable
    public BigDecimal effectiveScore() {
        return overallScore != null ? overallScore : page.publishedOverallScore();
    }
}

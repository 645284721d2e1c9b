package org.careergraph.catalog.search;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/** One page of matches, and how many occupations match in all. */
public record SearchResult(long total, List<Hit> hits) {

    public SearchResult {
        hits = List.copyOf(hits);
    }

    /**
     * One matching occupation, with just enough to show it in a list; {@code score} is the text relevance, null unless
     * the results are sorted by relevance.
     */
    public record Hit(
            String id,
            @Nullable Float score,
            @Nullable String titleZh,
            @Nullable String titleEn,
            String codeSystem,
            String code) {
    }
}

package org.careergraph.catalog.search;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/** One page of matches, and how many occupations match in all. */
public record SearchResult(long total, List<Hit> hits) {

    public SearchResult {
        hits = List.copyOf(hits);
    }

    /**
     * One matching occupation, as a list shows it; {@code score} is the text relevance, null unless the results are
     * sorted by relevance.
     */
    public record Hit(String id, @Nullable Float score, OccupationSummary summary) {

        public String titleZh() {
            return summary.titleZh();
        }

        public String titleEn() {
            return summary.titleEn();
        }

        public String codeSystem() {
            return summary.codeSystem();
        }

        public String code() {
            return summary.code();
        }
    }
}

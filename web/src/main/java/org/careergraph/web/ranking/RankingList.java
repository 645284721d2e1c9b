package org.careergraph.web.ranking;

import io.micronaut.core.annotation.Nullable;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The lists occupations are ranked in, and what each ranks by. US occupations (SOC) are ranked by the figure a
 * publisher gives for each of them, from the catalog's listing; New Zealand occupations (ANZSCO) have no such
 * figure in the releases held (ANZSCO classifies, it publishes no pay, outlook or AI exposure), so they are ranked
 * by our own rating on the matching dimension, from the scoring service.
 */
public enum RankingList {

    /** Least exposed to large language models first ("GPTs are GPTs", GPT-4 rated β); our AI-risk rating beside. */
    SAFEST_FROM_AI("safest-from-ai", "aiRisk", "EXPOSURE_ASC", "llmExposure", "minExposure",
            List.of("LLM_EXPOSURE", "AI_APPLICABILITY")),
    /** Highest OEWS median wage a year first; our income rating beside. */
    BEST_PAID("best-paid", "income", "WAGE_DESC", "medianWage", "minWage", List.of("OEWS")),
    /** Largest projected change in employment first (BLS Employment Projections); our demand outlook beside. */
    FASTEST_GROWING("fastest-growing", "demandOutlook", "GROWTH_DESC", "employmentChange", null,
            List.of("PROJECTIONS"));

    private final String slug;
    private final String dimension;
    private final String catalogSort;
    private final String figure;
    private final @Nullable String figureFilter;
    private final List<String> series;

    /**
     * @param dimension    the scoring dimension that matches the list
     * @param catalogSort  the catalog listing's sort for the figure
     * @param figure       the summary field that holds the figure
     * @param figureFilter a listing filter that, from 0, keeps only occupations with the figure (none for growth:
     *                     the listing has no such filter, so the rows without it are left out here)
     * @param series       the release series the figures come from
     */
    RankingList(String slug, String dimension, String catalogSort, String figure, @Nullable String figureFilter,
                List<String> series) {
        this.slug = slug;
        this.dimension = dimension;
        this.catalogSort = catalogSort;
        this.figure = figure;
        this.figureFilter = figureFilter;
        this.series = series;
    }

    /** As in the list's address: {@code /rankings/best-paid}. */
    public String slug() {
        return slug;
    }

    public String dimension() {
        return dimension;
    }

    String catalogSort() {
        return catalogSort;
    }

    String figure() {
        return figure;
    }

    @Nullable
    String figureFilter() {
        return figureFilter;
    }

    List<String> series() {
        return series;
    }

    static Optional<RankingList> bySlug(String slug) {
        return Arrays.stream(values()).filter(list -> list.slug.equals(slug)).findFirst();
    }
}

package org.careergraph.catalog.search;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.util.Locale;
import org.careergraph.catalog.page.CareerPage.AiVerdict;
import org.careergraph.platform.web.ProblemException;

/**
 * A search over occupations: optional text (Chinese, English or both), filters that all must hold, an order and a
 * page. Blank strings count as absent. Archived occupations are left out unless {@code includeArchived}.
 *
 * @param codeSystem   e.g. ANZSCO, any case
 * @param codePrefix   the start of the occupation's own code, e.g. "4112"
 * @param minScore     inclusive, on the computed overall score or else the page's published one
 * @param maxScore     inclusive, likewise
 * @param majorGroup   the classification's major group: ANZSCO "2", SOC "15-0000"
 * @param skillLevel   ANZSCO skill level, 1-5
 * @param jobZone      O*NET job zone, 1-5
 * @param minWage      inclusive, on the OEWS median annual wage (USD)
 * @param minExposure  inclusive, on the GPT-4 rated LLM exposure (beta, 0-1) of "GPTs are GPTs"
 * @param sort         null: by relevance when there is text, else by title
 * @param page         zero-based
 */
public record SearchQuery(
        @Nullable String text,
        @Nullable String codeSystem,
        @Nullable String codePrefix,
        @Nullable Boolean skilledMigration,
        @Nullable AiVerdict verdict,
        @Nullable BigDecimal minScore,
        @Nullable BigDecimal maxScore,
        @Nullable Integer greenListTier,
        @Nullable String majorGroup,
        @Nullable Integer skillLevel,
        @Nullable Integer jobZone,
        @Nullable BigDecimal minWage,
        @Nullable BigDecimal maxWage,
        @Nullable BigDecimal minExposure,
        @Nullable BigDecimal maxExposure,
        boolean includeArchived,
        @Nullable SortBy sort,
        int page,
        int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** Longer text is not a search term but a paste; it would also turn into too many query clauses. */
    public static final int MAX_TEXT_LENGTH = 200;

    /**
     * The orders of a listing. On a figure (wage, exposure, projected change) occupations without it come last:
     * EXPOSURE_ASC lists the least exposed first, GROWTH_DESC the largest projected change in employment first.
     */
    public enum SortBy { RELEVANCE, TITLE, SCORE_DESC, CODE, WAGE_DESC, EXPOSURE_DESC, EXPOSURE_ASC, GROWTH_DESC }

    public SearchQuery {
        text = blankToNull(text);
        codeSystem = blankToNull(codeSystem) == null ? null : codeSystem.trim().toUpperCase(Locale.ROOT);
        codePrefix = blankToNull(codePrefix);
        majorGroup = blankToNull(majorGroup);
        if (text != null && text.length() > MAX_TEXT_LENGTH) {
            throw ProblemException.invalidField("text", "must be at most " + MAX_TEXT_LENGTH + " characters");
        }
        if (page < 0) {
            throw ProblemException.invalidField("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ProblemException.invalidField("size", "must be between 1 and " + MAX_SIZE);
        }
        if (minScore != null && maxScore != null && minScore.compareTo(maxScore) > 0) {
            throw ProblemException.invalidField("minScore", "must not be greater than maxScore");
        }
        if (minWage != null && maxWage != null && minWage.compareTo(maxWage) > 0) {
            throw ProblemException.invalidField("minWage", "must not be greater than maxWage");
        }
        if (minExposure != null && maxExposure != null && minExposure.compareTo(maxExposure) > 0) {
            throw ProblemException.invalidField("minExposure", "must not be greater than maxExposure");
        }
        checkShare("minExposure", minExposure);
        checkShare("maxExposure", maxExposure);
        checkLevel("skillLevel", skillLevel);
        checkLevel("jobZone", jobZone);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Relevance only means something with text; without it, relevance falls back to title order. */
    public SortBy effectiveSort() {
        if (sort == null || sort == SortBy.RELEVANCE) {
            return text != null ? SortBy.RELEVANCE : SortBy.TITLE;
        }
        return sort;
    }

    private static void checkShare(String name, @Nullable BigDecimal share) {
        if (share != null && (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0)) {
            throw ProblemException.invalidField(name, "must be a share from 0 to 1");
        }
    }

    private static void checkLevel(String name, @Nullable Integer level) {
        if (level != null && (level < 1 || level > 5)) {
            throw ProblemException.invalidField(name, "must be from 1 to 5");
        }
    }

    @Nullable
    private static String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public static final class Builder {
        private String text;
        private String codeSystem;
        private String codePrefix;
        private Boolean skilledMigration;
        private AiVerdict verdict;
        private BigDecimal minScore;
        private BigDecimal maxScore;
        private Integer greenListTier;
        private String majorGroup;
        private Integer skillLevel;
        private Integer jobZone;
        private BigDecimal minWage;
        private BigDecimal maxWage;
        private BigDecimal minExposure;
        private BigDecimal maxExposure;
        private boolean includeArchived;
        private SortBy sort;
        private int page;
        private int size = DEFAULT_SIZE;

        private Builder() {
        }

        public Builder text(@Nullable String text) {
            this.text = text;
            return this;
        }

        public Builder codeSystem(@Nullable String codeSystem) {
            this.codeSystem = codeSystem;
            return this;
        }

        public Builder codePrefix(@Nullable String codePrefix) {
            this.codePrefix = codePrefix;
            return this;
        }

        public Builder skilledMigration(@Nullable Boolean skilledMigration) {
            this.skilledMigration = skilledMigration;
            return this;
        }

        public Builder verdict(@Nullable AiVerdict verdict) {
            this.verdict = verdict;
            return this;
        }

        public Builder scoreBetween(@Nullable BigDecimal minScore, @Nullable BigDecimal maxScore) {
            this.minScore = minScore;
            this.maxScore = maxScore;
            return this;
        }

        public Builder greenListTier(@Nullable Integer greenListTier) {
            this.greenListTier = greenListTier;
            return this;
        }

        public Builder majorGroup(@Nullable String majorGroup) {
            this.majorGroup = majorGroup;
            return this;
        }

        public Builder skillLevel(@Nullable Integer skillLevel) {
            this.skillLevel = skillLevel;
            return this;
        }

        public Builder jobZone(@Nullable Integer jobZone) {
            this.jobZone = jobZone;
            return this;
        }

        public Builder wageBetween(@Nullable BigDecimal minWage, @Nullable BigDecimal maxWage) {
            this.minWage = minWage;
            this.maxWage = maxWage;
            return this;
        }

        public Builder exposureBetween(@Nullable BigDecimal minExposure, @Nullable BigDecimal maxExposure) {
            this.minExposure = minExposure;
            this.maxExposure = maxExposure;
            return this;
        }

        public Builder includeArchived(boolean includeArchived) {
            this.includeArchived = includeArchived;
            return this;
        }

        public Builder sort(@Nullable SortBy sort) {
            this.sort = sort;
            return this;
        }

        public Builder page(int page, int size) {
            this.page = page;
            this.size = size;
            return this;
        }

        public SearchQuery build() {
            return new SearchQuery(text, codeSystem, codePrefix, skilledMigration, verdict, minScore, maxScore,
                    greenListTier, majorGroup, skillLevel, jobZone, minWage, maxWage, minExposure, maxExposure,
                    includeArchived, sort, page, size);
        }
    }
}

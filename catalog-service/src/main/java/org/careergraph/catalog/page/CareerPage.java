package org.careergraph.catalog.page;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.List;

/**
 * Everything a career page shows, structured and bilingual (see the seed pages' README for the sections). Lists are
 * never null; a section the page does not have is an empty list or null.
 */
@Serdeable
public record CareerPage(
        LocalizedText title,
        String codeSystem,
        String code,
        List<CrosswalkCode> crosswalk,
        @Nullable Boolean skilledMigration,
        @Nullable BigDecimal publishedOverallScore,
        @Nullable LocalizedText summary,
        AiImpact aiImpact,
        List<PageSalaryBand> salaryBands,
        List<EducationPath> educationPaths,
        List<Qualification> qualifications,
        List<VisaPathway> visaPathways,
        List<LocalizedText> suitableFor,
        List<LocalizedText> notSuitableFor,
        @Nullable LocalizedText careerProspects,
        @Nullable LocalizedText outlook,
        List<String> growthAreas,
        List<Faq> faq,
        @Nullable LocalizedText dataSources) {

    /** The same occupation in another classification, e.g. the NOL code of an ANZSCO occupation. */
    @Serdeable
    public record CrosswalkCode(String codeSystem, String code) {
    }

    /** What AI does to the job: the verdict, the tools already replacing parts of it, and what is left to people. */
    @Serdeable
    public record AiImpact(
            @Nullable AiVerdict verdict,
            @Nullable LocalizedText verdictText,
            List<AiTool> tools,
            List<LocalizedText> tasksTakenOver,
            List<LocalizedText> tasksAugmented,
            List<LocalizedText> humanMoat,
            List<LocalizedText> skillsToBuild,
            @Nullable LocalizedText entryLevelOutlook,
            @Nullable LocalizedText levelUp) {
    }

    public enum AiVerdict {
        MIXED("Mixed"),
        COMPRESSED_BY_AUTOMATION("Compressed by automation"),
        AMPLIFIED_BY_AI("Amplified by AI");

        private final String label;

        AiVerdict(String label) {
            this.label = label;
        }

        /** As the page writes it. */
        public String label() {
            return label;
        }
    }

    /** A tool, product or platform already doing part of the job; pages sometimes omit its name or year. */
    @Serdeable
    public record AiTool(
            @Nullable String name,
            @Nullable ToolKind kind,
            @Nullable ToolImpact impact,
            @Nullable Integer year,
            @Nullable LocalizedText description,
            boolean hasSource) {
    }

    public enum ToolKind { TOOL, PRODUCT, PLATFORM, RESEARCH, NEWS }

    public enum ToolImpact { PARTIAL, MAJOR }

    /** Yearly pay at one experience level, e.g. "初級(0-3年)" 48,000 to 58,000 NZD: years 0 to 3. */
    @Serdeable
    public record PageSalaryBand(
            String level,
            @Nullable Integer yearsFrom,
            @Nullable Integer yearsTo,
            BigDecimal min,
            BigDecimal max,
            String currency,
            @Nullable String note) {
    }

    /** A way into the job, e.g. "Community service work certificate", 1 year, 8,000 to 12,000 NZD. */
    @Serdeable
    public record EducationPath(
            String stage,
            @Nullable String duration,
            @Nullable BigDecimal minYears,
            @Nullable BigDecimal maxYears,
            @Nullable BigDecimal costMin,
            @Nullable BigDecimal costMax,
            @Nullable String currency) {
    }

    @Serdeable
    public record Qualification(String name, @Nullable String issuer, boolean required) {
    }

    /** A visa route the page names, e.g. code "SMC", name "Skilled Migrant Category Resident Visa". */
    @Serdeable
    public record VisaPathway(String code, @Nullable String name, @Nullable String details) {
    }

    @Serdeable
    public record Faq(LocalizedText question, LocalizedText answer) {
    }
}

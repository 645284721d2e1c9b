package org.careergraph.catalog.page;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.careergraph.platform.web.OneLine;

/**
 * Everything a career page shows, structured and bilingual (see the seed pages' README for the sections). Lists are
 * never null; a section the page does not have is an empty list or null. {@code official} holds what the
 * publishers' releases say (see {@link OfficialRecord}); the sections before it are the page's own. Amounts are bounded (ten digits and two
 * decimals) so that they stay exact wherever they travel.
 */
@Serdeable
public record CareerPage(
        @NotNull @Valid @OneLine LocalizedText title,
        @NotBlank @Size(max = 16) @OneLine String codeSystem,
        @NotBlank @Size(max = 16) @OneLine String code,
        @Valid @OneLine List<@NotNull @Valid CrosswalkCode> crosswalk,
        @Nullable Boolean skilledMigration,
        @Nullable @DecimalMin("0") @DecimalMax("10") BigDecimal publishedOverallScore,
        @Nullable @Valid LocalizedText summary,
        @Valid AiImpact aiImpact,
        @Size(max = 20) List<@NotNull @Valid PageSalaryBand> salaryBands,
        @Size(max = 20) List<@NotNull @Valid EducationPath> educationPaths,
        @Size(max = 50) List<@NotNull @Valid Qualification> qualifications,
        @Size(max = 20) List<@NotNull @Valid VisaPathway> visaPathways,
        @Nullable @Valid LocalizedText immigrationNote,
        @Size(max = 50) List<@NotNull @Valid LocalizedText> suitableFor,
        @Size(max = 50) List<@NotNull @Valid LocalizedText> notSuitableFor,
        @Nullable @Valid LocalizedText careerProspects,
        @Nullable @Valid LocalizedText outlook,
        @Size(max = 50) @OneLine List<@NotBlank @Size(max = 200) String> growthAreas,
        @Size(max = 50) List<@NotNull @Valid Faq> faq,
        @Nullable @Valid LocalizedText dataSources,
        @Valid OfficialRecord official) {

    /** Absent lists are empty lists, and a page without an AI section has an empty one. */
    public CareerPage {
        crosswalk = orEmpty(crosswalk);
        aiImpact = aiImpact == null ? AiImpact.NONE : aiImpact;
        salaryBands = orEmpty(salaryBands);
        educationPaths = orEmpty(educationPaths);
        qualifications = orEmpty(qualifications);
        visaPathways = orEmpty(visaPathways);
        suitableFor = orEmpty(suitableFor);
        notSuitableFor = orEmpty(notSuitableFor);
        growthAreas = orEmpty(growthAreas);
        faq = orEmpty(faq);
        official = official == null ? OfficialRecord.NONE : official;
    }

    /** The same page with another official record. */
    public CareerPage withOfficial(OfficialRecord other) {
        return new CareerPage(title, codeSystem, code, crosswalk, skilledMigration, publishedOverallScore, summary,
                aiImpact, salaryBands, educationPaths, qualifications, visaPathways, immigrationNote, suitableFor,
                notSuitableFor, careerProspects, outlook, growthAreas, faq, dataSources, other);
    }

    static <T> List<T> orEmpty(@Nullable List<T> list) {
        return list == null ? List.of() : list;
    }

    /** The same occupation in another classification, e.g. the NOL code of an ANZSCO occupation. */
    @Serdeable
    public record CrosswalkCode(@NotBlank @Size(max = 16) String codeSystem, @NotBlank @Size(max = 16) String code) {
    }

    /** What AI does to the job: the verdict, the tools already replacing parts of it, and what is left to people. */
    @Serdeable
    public record AiImpact(
            @Nullable AiVerdict verdict,
            @Nullable @Valid LocalizedText verdictText,
            @Size(max = 50) List<@NotNull @Valid AiTool> tools,
            @Size(max = 50) List<@NotNull @Valid LocalizedText> tasksTakenOver,
            @Size(max = 50) List<@NotNull @Valid LocalizedText> tasksAugmented,
            @Size(max = 50) List<@NotNull @Valid LocalizedText> humanMoat,
            @Size(max = 50) List<@NotNull @Valid LocalizedText> skillsToBuild,
            @Nullable @Valid LocalizedText entryLevelOutlook,
            @Nullable @Valid LocalizedText levelUp) {

        public static final AiImpact NONE = new AiImpact(null, null, null, null, null, null, null, null, null);

        public AiImpact {
            tools = orEmpty(tools);
            tasksTakenOver = orEmpty(tasksTakenOver);
            tasksAugmented = orEmpty(tasksAugmented);
            humanMoat = orEmpty(humanMoat);
            skillsToBuild = orEmpty(skillsToBuild);
        }
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
            @Nullable @Size(max = 200) @OneLine String name,
            @Nullable ToolKind kind,
            @Nullable ToolImpact impact,
            @Nullable @Min(1950) @Max(2100) Integer year,
            @Nullable @Valid LocalizedText description,
            boolean hasSource) {
    }

    public enum ToolKind { TOOL, PRODUCT, PLATFORM, RESEARCH, NEWS }

    public enum ToolImpact { PARTIAL, MAJOR }

    /** Yearly pay at one experience level, e.g. "初級(0-3年)" 48,000 to 58,000 NZD: years 0 to 3. */
    @Serdeable
    public record PageSalaryBand(
            @NotBlank @Size(max = 100) @OneLine String level,
            @Nullable @PositiveOrZero @Max(80) Integer yearsFrom,
            @Nullable @PositiveOrZero @Max(80) Integer yearsTo,
            @NotNull @PositiveOrZero @Digits(integer = 10, fraction = 2) BigDecimal min,
            @NotNull @PositiveOrZero @Digits(integer = 10, fraction = 2) BigDecimal max,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as NZD") @OneLine String currency,
            @Nullable @Size(max = 500) String note) {
    }

    /** A way into the job, e.g. "Community service work certificate", 1 year, 8,000 to 12,000 NZD. */
    @Serdeable
    public record EducationPath(
            @NotBlank @Size(max = 300) @OneLine String stage,
            @Nullable @Size(max = 100) @OneLine String duration,
            @Nullable @PositiveOrZero @Digits(integer = 2, fraction = 2) BigDecimal minYears,
            @Nullable @PositiveOrZero @Digits(integer = 2, fraction = 2) BigDecimal maxYears,
            @Nullable @PositiveOrZero @Digits(integer = 10, fraction = 2) BigDecimal costMin,
            @Nullable @PositiveOrZero @Digits(integer = 10, fraction = 2) BigDecimal costMax,
            @Nullable @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as NZD") @OneLine String currency) {
    }

    @Serdeable
    public record Qualification(@NotBlank @Size(max = 300) @OneLine String name,
                                @Nullable @Size(max = 300) @OneLine String issuer,
                                boolean required) {
    }

    /** A visa route the page names, e.g. code "SMC", name "Skilled Migrant Category Resident Visa". */
    @Serdeable
    public record VisaPathway(@NotBlank @Size(max = 64) @OneLine String code,
                              @Nullable @Size(max = 300) @OneLine String name,
                              @Nullable @Size(max = 4000) String details) {
    }

    @Serdeable
    public record Faq(@NotNull @Valid @OneLine LocalizedText question, @NotNull @Valid LocalizedText answer) {
    }
}

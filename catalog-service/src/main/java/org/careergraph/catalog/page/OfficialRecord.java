package org.careergraph.catalog.page;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * What the publishers' releases say about an occupation (O*NET, BLS, ANZSCO and the AI exposure research), each
 * section filled from one release series. Where a value came from is kept beside the page (see {@code Provenance}),
 * not in the value: a newer release that confirms a figure changes nothing on the page.
 *
 * @param title            the title in the official classification (kept even where a page names it otherwise)
 * @param groups           the classification groups above it, broadest first (ANZSCO major to unit group)
 * @param alternateTitles  other titles people use for it (O*NET), searched as synonyms
 */
@Serdeable
public record OfficialRecord(
        @Nullable @Size(max = 300) String title,
        @Nullable @Valid LocalizedText description,
        @Size(max = 200) List<@NotNull @Valid Task> tasks,
        @Nullable @Valid JobZone jobZone,
        @Size(max = 10) List<@NotNull @Valid Group> groups,
        @Size(max = 5000) List<@NotBlank @Size(max = 300) String> alternateTitles,
        @Nullable @Valid Wages wages,
        @Nullable @Valid Projections projections,
        @Nullable @Valid LlmExposure llmExposure,
        @Nullable @Valid AiApplicability aiApplicability) {

    public static final OfficialRecord NONE = new OfficialRecord(null, null, null, null, null, null, null, null, null,
            null);

    public OfficialRecord {
        tasks = CareerPage.orEmpty(tasks);
        groups = CareerPage.orEmpty(groups);
        alternateTitles = CareerPage.orEmpty(alternateTitles);
    }

    /** A task statement; core tasks are critical to the occupation, supplemental ones less so (O*NET). */
    @Serdeable
    public record Task(@NotNull @Valid LocalizedText text, boolean core) {
    }

    /** O*NET's preparation level, 1 (little or none) to 5 (extensive), with what it means. */
    @Serdeable
    public record JobZone(@Min(1) @Max(5) int zone, @Nullable @Size(max = 200) String name,
                          @Nullable @Size(max = 2000) String education, @Nullable @Size(max = 2000) String experience,
                          @Nullable @Size(max = 2000) String training) {
    }

    /** A classification group: its level ("major", "sub-major", "minor", "unit"), code and title. */
    @Serdeable
    public record Group(@NotBlank @Size(max = 32) String level, @NotBlank @Size(max = 16) String code,
                        @NotBlank @Size(max = 300) String title) {
    }

    /**
     * Pay and employment in the US (OEWS national, all industries), for the SOC code the figures are published
     * under, which is a broader one for some occupations (O*NET 13-1021 is paid as OEWS 13-1020).
     *
     * @param employment     jobs, rounded by BLS; null where BLS publishes none
     * @param percentiles    the 10th, 25th, 50th, 75th and 90th percentile wages
     * @param allOccupations the same release's figures for all occupations (00-0000), what these are read against
     */
    @Serdeable
    public record Wages(@NotBlank @Size(max = 16) String socCode, @NotBlank @Size(max = 300) String socTitle,
                        @Nullable @Min(0) Long employment,
                        @Nullable @Valid Wage annualMean, @Nullable @Valid Wage hourlyMean,
                        @Size(max = 5) List<@NotNull @Valid Percentile> percentiles,
                        @Nullable @Valid Wages allOccupations) {

        @Creator // the canonical constructor binds JSON, not the shorter one below
        public Wages {
            percentiles = CareerPage.orEmpty(percentiles);
        }

        public Wages(String socCode, String socTitle, @Nullable Long employment, @Nullable Wage annualMean,
                     @Nullable Wage hourlyMean, List<Percentile> percentiles) {
            this(socCode, socTitle, employment, annualMean, hourlyMean, percentiles, null);
        }

        public Wages withAllOccupations(@Nullable Wages total) {
            return new Wages(socCode, socTitle, employment, annualMean, hourlyMean, percentiles, total);
        }

        /** The median annual wage, where BLS publishes one (some occupations are paid by the hour only). */
        public @Nullable Wage medianAnnual() {
            return percentiles.stream().filter(p -> p.percentile() == 50 && p.annual() != null)
                    .map(Percentile::annual).findFirst().orElse(null);
        }
    }

    /** One percentile, a year's pay and an hour's; a figure BLS top-codes ("#") is the floor it gives. */
    @Serdeable
    public record Percentile(@Min(1) @Max(99) int percentile, @Nullable @Valid Wage annual,
                             @Nullable @Valid Wage hourly) {
    }

    /** An amount in US dollars; {@code atLeast}: BLS gives only a floor (its "#": this much or more). */
    @Serdeable
    public record Wage(@NotNull @Digits(integer = 10, fraction = 2) BigDecimal amount, boolean atLeast) {
    }

    /**
     * BLS Employment Projections for the occupation's National Employment Matrix code: employment in thousands in
     * the base and target year, the change, openings a year (thousands), and what entry typically takes;
     * {@code allOccupations}: the same release's figures for all occupations (00-0000), what these are read against.
     */
    @Serdeable
    public record Projections(@NotBlank @Size(max = 16) String nemCode, @NotBlank @Size(max = 300) String nemTitle,
                              @Min(1900) @Max(2200) int baseYear, @Min(1900) @Max(2200) int targetYear,
                              @Nullable @Digits(integer = 10, fraction = 2) BigDecimal employmentBase,
                              @Nullable @Digits(integer = 10, fraction = 2) BigDecimal employmentTarget,
                              @Nullable @Digits(integer = 10, fraction = 2) BigDecimal changePercent,
                              @Nullable @Digits(integer = 10, fraction = 2) BigDecimal annualOpenings,
                              @Nullable @Size(max = 200) String entryEducation,
                              @Nullable @Size(max = 200) String workExperience,
                              @Nullable @Size(max = 200) String onTheJobTraining,
                              @Nullable @Valid Projections allOccupations) {

        public Projections(String nemCode, String nemTitle, int baseYear, int targetYear,
                           @Nullable BigDecimal employmentBase, @Nullable BigDecimal employmentTarget,
                           @Nullable BigDecimal changePercent, @Nullable BigDecimal annualOpenings,
                           @Nullable String entryEducation, @Nullable String workExperience,
                           @Nullable String onTheJobTraining) {
            this(nemCode, nemTitle, baseYear, targetYear, employmentBase, employmentTarget, changePercent,
                    annualOpenings, entryEducation, workExperience, onTheJobTraining, null);
        }

        public Projections withAllOccupations(@Nullable Projections total) {
            return new Projections(nemCode, nemTitle, baseYear, targetYear, employmentBase, employmentTarget,
                    changePercent, annualOpenings, entryEducation, workExperience, onTheJobTraining, total);
        }
    }

    /**
     * "GPTs are GPTs" (Eloundou et al., Science 2024): the share of the occupation's tasks exposed to large language
     * models, 0-1, as rated by GPT-4 and by human annotators; alpha counts direct exposure (E1), beta adds half of
     * the exposure that needs extra software (E1 + 0.5 E2), gamma all of it (E1 + E2).
     */
    @Serdeable
    public record LlmExposure(@Valid Ratings gpt4, @Valid Ratings human) {

        @Serdeable
        public record Ratings(@NotNull @Digits(integer = 1, fraction = 6) BigDecimal alpha,
                              @NotNull @Digits(integer = 1, fraction = 6) BigDecimal beta,
                              @NotNull @Digits(integer = 1, fraction = 6) BigDecimal gamma) {
        }
    }

    /**
     * "Working with AI" (Tomlinson et al., 2025): how applicable AI is to the occupation's work activities, 0-1,
     * from observed Copilot conversations, for its SOC code.
     */
    @Serdeable
    public record AiApplicability(@NotBlank @Size(max = 16) String socCode,
                                  @NotNull @Digits(integer = 1, fraction = 6) BigDecimal score) {
    }
}

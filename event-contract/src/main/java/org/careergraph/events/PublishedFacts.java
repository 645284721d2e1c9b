package org.careergraph.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;

/**
 * What the publishers' official releases say of an occupation, for scoring and visa rules to work from figures
 * rather than from a page's words; each group names the release it came from ("BLS OEWS May 2024"). Any part may
 * be absent: a release has nothing for the code, or none is held.
 *
 * @param medianWage           OEWS annual median wage (USD); {@code medianWageAtLeast}: BLS top-codes it, a floor
 * @param wageSocCode          the SOC code BLS publishes the wages under (13-1020 for O*NET 13-1021)
 * @param employmentChange     projected change in employment over the projection's years, percent
 * @param annualOpenings       projected openings a year, thousands
 * @param entryEducation       typical education needed for entry (BLS), e.g. "Bachelor's degree"
 * @param onTheJobTraining     typical on-the-job training (BLS), e.g. "None"
 * @param jobZone              O*NET job zone, 1 (little preparation) to 5 (extensive)
 * @param llmExposureGpt4      "GPTs are GPTs": share of tasks exposed to LLMs, GPT-4 rated, beta (E1 + 0.5 E2)
 * @param llmExposureHuman     the same, rated by human annotators
 * @param aiApplicability      "Working with AI": AI applicability score, 0-1
 * @param allOccupationsMedianWage   the OEWS all-occupations (00-0000) annual median of the same release: what an
 *                                   occupation's median is read against
 * @param employmentBase             employment in the projections' base year, thousands
 * @param allOccupationsEmploymentChange the projected change of all occupations (00-0000), percent, same release
 * @param allOccupationsEmploymentBase   all occupations' employment in the base year, thousands
 * @param allOccupationsAnnualOpenings   all occupations' openings a year, thousands
 * @param jobZoneRelease             the O*NET release the job zone is from ("O*NET 30.1")
 * @param skillLevelRelease          the release the occupation's skill level is from ("ANZSCO 1.2"); null when a
 *                                   page or an editor gave it
 */
@Serdeable
public record PublishedFacts(
        @Nullable BigDecimal medianWage,
        boolean medianWageAtLeast,
        @Nullable String wageSocCode,
        @Nullable String wageRelease,
        @Nullable BigDecimal employmentChange,
        @Nullable BigDecimal annualOpenings,
        @Nullable String entryEducation,
        @Nullable String workExperience,
        @Nullable String onTheJobTraining,
        @Nullable String projectionsRelease,
        @Nullable Integer jobZone,
        @Nullable BigDecimal llmExposureGpt4,
        @Nullable BigDecimal llmExposureHuman,
        @Nullable String llmExposureRelease,
        @Nullable BigDecimal aiApplicability,
        @Nullable String aiApplicabilityRelease,
        @Nullable BigDecimal allOccupationsMedianWage,
        @Nullable BigDecimal employmentBase,
        @Nullable BigDecimal allOccupationsEmploymentChange,
        @Nullable BigDecimal allOccupationsEmploymentBase,
        @Nullable BigDecimal allOccupationsAnnualOpenings,
        @Nullable String jobZoneRelease,
        @Nullable String skillLevelRelease) {
}

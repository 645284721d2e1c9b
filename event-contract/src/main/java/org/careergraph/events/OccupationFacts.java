package org.careergraph.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.List;

/**
 * The part of a career page other services need, carried on every occupation event so no one calls back. Fields
 * after {@code salaryBands} were added within v1: older events lack them, so they are nullable.
 *
 * @param aiVerdict              MIXED, COMPRESSED_BY_AUTOMATION or AMPLIFIED_BY_AI
 * @param shortestEducationYears the shortest education path, in years
 * @param requiredQualifications the names of the qualifications the page marks as required; null when it lists none
 * @param tasksTakenOver         how many tasks the page says AI takes over
 * @param tasksAugmented         how many tasks the page says AI augments
 * @param aiTools                the tools already replacing parts of the job, with their impact
 * @param skilledMigration       whether the page marks it a skilled migration occupation
 * @param growthAreas            the growth areas the page names; null when it names none
 * @param demandOutlook          the editorial demand outlook rating, 0-10, if an editor set one
 * @param competition            the editorial competition rating, 0-10 (higher = less competition), if set
 * @param archived               whether the page is archived (kept, but out of listings and rankings)
 * @param published              what the official releases say of it (wages, outlook, job zone, AI exposure)
 */
@Serdeable
public record OccupationFacts(
        String titleZh,
        String titleEn,
        String codeSystem,
        String code,
        @Nullable Integer skillLevel,
        List<SalaryBand> salaryBands,
        @Nullable String aiVerdict,
        @Nullable BigDecimal shortestEducationYears,
        @Nullable List<String> requiredQualifications,
        @Nullable Integer tasksTakenOver,
        @Nullable Integer tasksAugmented,
        @Nullable List<AiToolImpact> aiTools,
        @Nullable Boolean skilledMigration,
        @Nullable List<String> growthAreas,
        @Nullable Integer demandOutlook,
        @Nullable Integer competition,
        @Nullable Boolean archived,
        @Nullable PublishedFacts published) {

    /** Facts without what official releases say (a page alone). */
    public OccupationFacts(String titleZh, String titleEn, String codeSystem, String code, @Nullable Integer skillLevel,
                           List<SalaryBand> salaryBands, @Nullable String aiVerdict,
                           @Nullable BigDecimal shortestEducationYears, @Nullable List<String> requiredQualifications,
                           @Nullable Integer tasksTakenOver, @Nullable Integer tasksAugmented,
                           @Nullable List<AiToolImpact> aiTools, @Nullable Boolean skilledMigration,
                           @Nullable List<String> growthAreas, @Nullable Integer demandOutlook,
                           @Nullable Integer competition, @Nullable Boolean archived) {
        this(titleZh, titleEn, codeSystem, code, skillLevel, salaryBands, aiVerdict, shortestEducationYears,
                requiredQualifications, tasksTakenOver, tasksAugmented, aiTools, skilledMigration, growthAreas,
                demandOutlook, competition, archived, null);
    }

    /** Facts without the page's AI, education and qualification sections. */
    public OccupationFacts(String titleZh, String titleEn, String codeSystem, String code, @Nullable Integer skillLevel,
                           List<SalaryBand> salaryBands) {
        this(titleZh, titleEn, codeSystem, code, skillLevel, salaryBands, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    /** The band that stands for typical pay (see {@link SalaryBand#midLevel}). */
    public @Nullable SalaryBand midLevelBand() {
        return SalaryBand.midLevel(salaryBands);
    }

    /** A tool already doing part of the job (its name may be unknown) and how much: PARTIAL or MAJOR. */
    @Serdeable
    public record AiToolImpact(@Nullable String name, @Nullable String impact) {
    }
}

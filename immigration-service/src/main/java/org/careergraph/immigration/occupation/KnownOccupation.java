package org.careergraph.immigration.occupation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.careergraph.events.SalaryBand;

/**
 * An occupation as the catalog's last {@code occupation changed} described it: its code is what rules match; its skill
 * level (ANZSCO), salary bands, typical entry education (BLS, with the release it is from) and O*NET job zone are what
 * pay thresholds and visa routes read. Required qualifications are kept as the catalog sent them; no rule reads a
 * page's words.
 */
@MappedEntity("occupation")
public record KnownOccupation(
        @Id String id,
        String codeSystem,
        String code,
        String titleZh,
        String titleEn,
        @Nullable Integer skillLevel,
        @TypeDef(type = DataType.JSON) List<SalaryBand> salaryBands,
        @TypeDef(type = DataType.JSON) @Nullable List<String> requiredQualifications,
        int revision,
        Instant updatedAt,
        @Nullable String entryEducation,
        @Nullable String entryEducationSource,
        @Nullable Integer jobZone,
        @Nullable String jobZoneSource) {

    /** An occupation whose job zone's release is not known. */
    public KnownOccupation(String id, String codeSystem, String code, String titleZh, String titleEn,
                           @Nullable Integer skillLevel, List<SalaryBand> salaryBands,
                           @Nullable List<String> requiredQualifications, int revision, Instant updatedAt,
                           @Nullable String entryEducation, @Nullable String entryEducationSource,
                           @Nullable Integer jobZone) {
        this(id, codeSystem, code, titleZh, titleEn, skillLevel, salaryBands, requiredQualifications, revision,
                updatedAt, entryEducation, entryEducationSource, jobZone, null);
    }

    /** An occupation no official release describes: its page alone. */
    public KnownOccupation(String id, String codeSystem, String code, String titleZh, String titleEn,
                           @Nullable Integer skillLevel, List<SalaryBand> salaryBands,
                           @Nullable List<String> requiredQualifications, int revision, Instant updatedAt) {
        this(id, codeSystem, code, titleZh, titleEn, skillLevel, salaryBands, requiredQualifications, revision,
                updatedAt, null, null, null, null);
    }

    /** "ANZSCO 411215", as people write it. */
    public String codeLabel() {
        return codeSystem + " " + code;
    }

    /** The band whose midpoint the pay thresholds measure; null when the page gives no salary. */
    public @Nullable SalaryBand midLevelBand() {
        return SalaryBand.midLevel(salaryBands);
    }

    /** Whether the two describe the occupation alike for the rules: code, skill level, pay and education figures. */
    public boolean sameFactsForRules(KnownOccupation other) {
        return codeSystem.equals(other.codeSystem) && code.equals(other.code)
                && Objects.equals(skillLevel, other.skillLevel) && salaryBands.equals(other.salaryBands)
                && Objects.equals(entryEducation, other.entryEducation)
                && Objects.equals(jobZone, other.jobZone);
    }
}

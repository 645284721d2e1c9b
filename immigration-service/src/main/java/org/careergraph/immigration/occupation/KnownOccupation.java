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
 * level, salary bands, required qualifications and typical entry education (BLS, with the release it is from) are
 * what pay thresholds and visa routes read.
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
        @Nullable String entryEducationSource) {

    /** An occupation no official release describes: its page alone. */
    public KnownOccupation(String id, String codeSystem, String code, String titleZh, String titleEn,
                           @Nullable Integer skillLevel, List<SalaryBand> salaryBands,
                           @Nullable List<String> requiredQualifications, int revision, Instant updatedAt) {
        this(id, codeSystem, code, titleZh, titleEn, skillLevel, salaryBands, requiredQualifications, revision,
                updatedAt, null, null);
    }

    /** "ANZSCO 411215", as people write it. */
    public String codeLabel() {
        return codeSystem + " " + code;
    }

    /** The band whose midpoint the pay thresholds measure; null when the page gives no salary. */
    public @Nullable SalaryBand midLevelBand() {
        return SalaryBand.midLevel(salaryBands);
    }

    public List<String> qualificationsRequired() {
        return requiredQualifications == null ? List.of() : requiredQualifications;
    }

    /** Whether the two describe the occupation alike for the rules: code, skill level, pay and qualifications. */
    boolean sameFactsForRules(KnownOccupation other) {
        return codeSystem.equals(other.codeSystem) && code.equals(other.code)
                && Objects.equals(skillLevel, other.skillLevel) && salaryBands.equals(other.salaryBands)
                && qualificationsRequired().equals(other.qualificationsRequired())
                && Objects.equals(entryEducation, other.entryEducation);
    }
}

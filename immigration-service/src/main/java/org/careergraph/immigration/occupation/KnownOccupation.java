package org.careergraph.immigration.occupation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.List;
import org.careergraph.events.SalaryBand;

/**
 * An occupation as the catalog's last {@code occupation changed} described it: its code is what rules match, its skill
 * level and salary bands are what later rules (SMC, AEWV pay thresholds) will read.
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
        int revision,
        Instant updatedAt) {

    /** "ANZSCO 411215", as people write it. */
    public String codeLabel() {
        return codeSystem + " " + code;
    }

    boolean sameCode(KnownOccupation other) {
        return codeSystem.equals(other.codeSystem) && code.equals(other.code);
    }
}

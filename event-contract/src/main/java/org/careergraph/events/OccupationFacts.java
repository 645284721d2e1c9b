package org.careergraph.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The part of a career page other services need, carried on every occupation event so no one calls back. */
@Serdeable
public record OccupationFacts(
        String titleZh,
        String titleEn,
        String codeSystem,
        String code,
        @Nullable Integer skillLevel,
        List<SalaryBand> salaryBands) {
}

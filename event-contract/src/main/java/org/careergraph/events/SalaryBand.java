package org.careergraph.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.List;

/** Yearly pay for one experience level, e.g. "junior" 48,000 to 58,000 NZD. */
@Serdeable
public record SalaryBand(String level, BigDecimal min, BigDecimal max, String currency, @Nullable String note) {

    /**
     * The band that stands for typical pay: the middle one of a page's bands (junior, mid, senior), whose midpoint
     * scoring and visa thresholds measure; null when there is none.
     */
    public static @Nullable SalaryBand midLevel(List<SalaryBand> bands) {
        return bands == null || bands.isEmpty() ? null : bands.get(bands.size() / 2);
    }

    /** The middle of the band, the figure scoring and visa thresholds compare against. */
    public BigDecimal midpoint() {
        return min.add(max).divide(BigDecimal.TWO);
    }
}

package org.careergraph.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;

/** Yearly pay for one experience level, e.g. "junior" 48,000 to 58,000 NZD. */
@Serdeable
public record SalaryBand(String level, BigDecimal min, BigDecimal max, String currency, @Nullable String note) {

    /** The middle of the band, the figure scoring and visa thresholds compare against. */
    public BigDecimal midpoint() {
        return min.add(max).divide(BigDecimal.TWO);
    }
}

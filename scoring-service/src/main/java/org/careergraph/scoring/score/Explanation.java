package org.careergraph.scoring.score;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.List;

/**
 * How a score was reached, so that a reader can recompute it by hand: per dimension the inputs used and where each
 * came from, the rule with its numbers filled in, and the weight; then the overall.
 */
@Serdeable
public record Explanation(String modelVersion, List<DimensionExplanation> dimensions, String overall) {

    /** One dimension; {@code value} is null when it is not rated, and {@code rule} then says why. */
    @Serdeable
    public record DimensionExplanation(String dimension, @Nullable BigDecimal value, BigDecimal weight, String rule,
                                       List<InputUsed> inputs) {
    }

    /**
     * An input as read: its value in words, whether the page stated it (IMPORTED), a service computed it from other
     * facts or rules (DERIVED), an editor set it (EDITORIAL) or an official release published it (PUBLISHED), and
     * where it was read from (for a published figure, the release and the publisher or paper).
     */
    @Serdeable
    public record InputUsed(String name, String value, Source source, String from) {
    }

    public enum Source {
        IMPORTED, DERIVED, EDITORIAL, PUBLISHED
    }
}

package org.careergraph.catalog.occupation;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.careergraph.catalog.signal.OccupationSignal;

/**
 * An occupation as readers get it: the page, plus the latest score and immigration status heard of, and the
 * attribution lines of the releases its values came from (which the publishers ask to be shown with their data).
 */
@Serdeable
record OccupationView(@JsonUnwrapped Occupation occupation, @Nullable Score score,
                      @Nullable ImmigrationStatus immigrationStatus, List<String> attributions) {

    static OccupationView of(Occupation occupation, @Nullable OccupationSignal signal, List<String> attributions) {
        if (signal == null) {
            return new OccupationView(occupation, null, null, attributions);
        }
        Score score = signal.overallScore() == null ? null
                : new Score(signal.overallScore(), signal.dimensions(), signal.scoreModel());
        ImmigrationStatus status = signal.statusSince() == null ? null
                : new ImmigrationStatus(signal.greenListTier(), signal.statusSince());
        return new OccupationView(occupation, score, status, attributions);
    }

    @Serdeable
    record Score(BigDecimal overall, @Nullable Map<String, BigDecimal> dimensions, @Nullable String modelVersion) {
    }

    /** The Green List tier (null: not on the list) and the date it has held since. */
    @Serdeable
    record ImmigrationStatus(@Nullable Integer greenListTier, LocalDate since) {
    }
}

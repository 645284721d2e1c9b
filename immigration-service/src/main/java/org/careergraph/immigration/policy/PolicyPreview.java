package org.careergraph.immigration.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import org.careergraph.immigration.status.StatusDiff;

/**
 * What a policy update would do if recorded: on its date ({@code announced}: a date still to come in the country),
 * every occupation whose status would change, by id, and how many of those it names or touches would keep theirs.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PolicyPreview(String country, LocalDate effectiveFrom, boolean announced, List<StatusDiff> affected,
                            int unchanged) {
}

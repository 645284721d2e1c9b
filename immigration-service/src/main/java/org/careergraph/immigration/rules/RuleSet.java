package org.careergraph.immigration.rules;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A country's rules as a whole: when they last changed, and the last day its statuses were recomputed for. Its row is
 * the lock every rule change of the country takes.
 */
@MappedEntity("rule_set")
record RuleSet(@Id String country, @Nullable Instant changedAt, @Nullable LocalDate evaluatedOn) {
}

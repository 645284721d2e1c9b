package org.careergraph.events;

import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.Map;

/** An overall score and its dimensions, each 0-10 (higher is better for the person). */
@Serdeable
public record Score(BigDecimal overall, Map<String, BigDecimal> dimensions) {
}

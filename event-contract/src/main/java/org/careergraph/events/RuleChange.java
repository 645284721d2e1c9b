package org.careergraph.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One rule a policy update sets, e.g. kind GREEN_LIST_TIER for ANZSCO 411215, value "1". A null value removes the
 * rule (the occupation leaves the Green List).
 */
@Serdeable
public record RuleChange(String kind, String codeSystem, String code, @Nullable String value) {
}

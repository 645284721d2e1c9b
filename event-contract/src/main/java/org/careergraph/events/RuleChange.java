package org.careergraph.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;

/**
 * One rule a policy update sets. A rule is about an occupation ({@code codeSystem} and {@code code}, e.g. the Green
 * List tier of ANZSCO 411215) or a setting of the country's rules ({@code key} picks one of several, e.g. the median
 * wage for RESIDENCE); {@code value} is what it becomes (a null value removes the rule, e.g. takes an occupation off
 * the Green List). A rule with {@code effectiveTo} stops on that day (inclusive); the rule it covered applies again.
 * {@code key} and {@code effectiveTo} were added within v1. Nulls are written: a null value means "removed".
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RuleChange(
        String kind,
        @Nullable String codeSystem,
        @Nullable String code,
        @Nullable String value,
        @Nullable String key,
        @Nullable LocalDate effectiveTo) {

    /** A rule about one occupation, in force until replaced. */
    public RuleChange(String kind, String codeSystem, String code, @Nullable String value) {
        this(kind, codeSystem, code, value, null, null);
    }

    /** Whether the rule names an occupation (rather than a setting every occupation is measured against). */
    public boolean namesOccupation() {
        return codeSystem != null && code != null;
    }
}

package org.careergraph.immigration.rules;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import org.careergraph.immigration.occupation.KnownOccupation;

/**
 * One effective-dated rule as it is read: what it sets ({@code kind}, about an occupation or a key), its value, from
 * when until when (inclusive, open-ended when null), and where it comes from: the update, its source, who recorded it
 * and when. {@code announced}: its update has not taken effect yet. {@code sequence} orders rules recorded together.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Rule(
        RuleKind kind,
        @Nullable String codeSystem,
        @Nullable String code,
        @Nullable String key,
        @Nullable String value,
        LocalDate effectiveFrom,
        @Nullable LocalDate effectiveTo,
        String policyUpdateId,
        String source,
        String recordedBy,
        Instant recordedAt,
        boolean announced,
        @JsonIgnore long sequence) {

    /** Whether the rule is in force on {@code date} by its own dates. */
    public boolean coversDate(LocalDate date) {
        return !effectiveFrom.isAfter(date) && (effectiveTo == null || !effectiveTo.isBefore(date));
    }

    /** Whether the rule names this occupation's code. */
    public boolean isAbout(KnownOccupation occupation) {
        return occupation.codeSystem().equals(codeSystem) && occupation.code().equals(code);
    }

    /** What the rule sets: rules with the same subject replace one another. */
    public Subject subject() {
        return new Subject(kind, codeSystem, code, key);
    }

    /** A kind, and the code (and key) it is about. */
    public record Subject(RuleKind kind, @Nullable String codeSystem, @Nullable String code, @Nullable String key) {
    }

    /** Between two rules for the same subject and day, the later recorded wins. */
    boolean recordedAfter(Rule other) {
        int byTime = recordedAt.compareTo(other.recordedAt);
        return byTime != 0 ? byTime > 0 : sequence > other.sequence;
    }
}

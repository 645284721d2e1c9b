package org.careergraph.immigration.rules;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;
import java.time.LocalDate;
import org.careergraph.events.RuleChange;

/**
 * One effective-dated rule as stored: from {@code effectiveFrom} (until {@code effectiveTo}, inclusive, if set),
 * {@code kind} for the occupation {@code codeSystem code} or the setting {@code key} is {@code value}. Never edited;
 * {@code changeIndex} is its place in the update's {@code changes}. See {@link RuleBook}
 * for which rule is in force on a date.
 */
@MappedEntity("policy_rule")
public record PolicyRule(
        @Id @GeneratedValue @Nullable Long id,
        String policyUpdateId,
        int changeIndex,
        String country,
        String kind,
        @Nullable String codeSystem,
        @Nullable String code,
        @MappedProperty("rule_key") @Nullable String key,
        @MappedProperty("rule_value") @Nullable String value,
        LocalDate effectiveFrom,
        @Nullable LocalDate effectiveTo,
        Instant recordedAt) {

    /**
     * The rule as the rule book reads it, with its update's source and recorder. One not stored yet (a preview) comes
     * after every stored rule recorded in the same millisecond, as it would once stored.
     */
    public Rule read(PolicyUpdate update) {
        return new Rule(RuleKind.valueOf(kind), codeSystem, code, key, value, effectiveFrom, effectiveTo, update.id(),
                update.source(), update.recordedBy(), recordedAt, update.appliedAt() == null,
                id == null ? Long.MAX_VALUE : id);
    }

    public RuleChange toChange() {
        return new RuleChange(kind, codeSystem, code, value, key, effectiveTo);
    }
}

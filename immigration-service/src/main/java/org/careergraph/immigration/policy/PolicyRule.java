package org.careergraph.immigration.policy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One effective-dated rule: from {@code effectiveFrom}, {@code kind} for the occupation {@code codeSystem code} is
 * {@code value}. Never edited; the rule in force on a date is the latest effective one (ties: the later recorded).
 * {@code changeIndex} is its place in the update's {@code changes}.
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
        @MappedProperty("rule_value") @Nullable String value,
        LocalDate effectiveFrom,
        Instant recordedAt) {
}

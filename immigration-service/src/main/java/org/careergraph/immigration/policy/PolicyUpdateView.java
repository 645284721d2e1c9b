package org.careergraph.immigration.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A stored policy update with its changes; {@code appliedAt} is null while it is announced for a later date. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PolicyUpdateView(
        String id,
        String country,
        LocalDate effectiveFrom,
        String source,
        @Nullable String note,
        List<Change> changes,
        String recordedBy,
        Instant recordedAt,
        @Nullable Instant appliedAt) {

    static PolicyUpdateView of(PolicyUpdate update, List<PolicyRule> rules) {
        return new PolicyUpdateView(update.id(), update.country(), update.effectiveFrom(), update.source(),
                update.note(), rules.stream().map(Change::of).toList(), update.recordedBy(), update.recordedAt(),
                update.appliedAt());
    }

    /** One rule the update sets; a null value removes it. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Change(String kind, @Nullable String codeSystem, @Nullable String code, @Nullable String value) {

        static Change of(PolicyRule rule) {
            return new Change(rule.kind(), rule.codeSystem(), rule.code(), rule.value());
        }
    }
}

package org.careergraph.immigration.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.careergraph.events.RuleChange;
import org.careergraph.immigration.rules.PolicyRule;
import org.careergraph.immigration.rules.PolicyUpdate;

/**
 * A stored policy update with its changes, as the audit trail shows it: {@code appliedAt} is null while it is
 * announced for a later date; {@code withdrawnAt}, {@code withdrawnBy} and {@code withdrawalReason} say who withdrew
 * it before then and why.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PolicyUpdateView(
        String id,
        String country,
        LocalDate effectiveFrom,
        String source,
        @Nullable String note,
        List<RuleChange> changes,
        String recordedBy,
        Instant recordedAt,
        @Nullable Instant appliedAt,
        @Nullable Instant withdrawnAt,
        @Nullable String withdrawnBy,
        @Nullable String withdrawalReason) {

    static PolicyUpdateView of(PolicyUpdate update, List<PolicyRule> rules) {
        return new PolicyUpdateView(update.id(), update.country(), update.effectiveFrom(), update.source(),
                update.note(), rules.stream().map(PolicyRule::toChange).toList(), update.recordedBy(),
                update.recordedAt(), update.appliedAt(), update.withdrawnAt(), update.withdrawnBy(),
                update.withdrawalReason());
    }
}

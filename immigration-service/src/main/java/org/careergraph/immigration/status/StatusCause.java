package org.careergraph.immigration.status;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;

/**
 * Why a status is recomputed and from when the result holds: a policy update took effect, a rule's end date passed,
 * or the catalog changed the occupation ({@code contextEn}/{@code contextZh} say which and are added to the reason).
 */
public record StatusCause(@Nullable String policyUpdateId, @Nullable String source, @Nullable LocalDate effectiveFrom,
                          @Nullable String contextEn, @Nullable String contextZh) {

    public static StatusCause policyUpdate(String policyUpdateId, String source, LocalDate effectiveFrom) {
        return new StatusCause(policyUpdateId, source, effectiveFrom, null, null);
    }

    public static StatusCause ruleEnded(String policyUpdateId, String source, LocalDate endedOn) {
        return new StatusCause(policyUpdateId, source, endedOn.plusDays(1), "a rule in force until " + endedOn
                + " ended", "一項規則於 " + endedOn + " 後失效");
    }

    public static StatusCause catalog(int revision) {
        return new StatusCause(null, null, null, "catalog revision " + revision, "目錄修訂 " + revision);
    }

    /** A new day with no rule starting or ending: nothing to name. */
    public static StatusCause newDay() {
        return new StatusCause(null, null, null, null, null);
    }
}

package org.careergraph.immigration.status;

import io.micronaut.core.annotation.Nullable;

/**
 * Why a status is recomputed: a policy update took effect, or the catalog told us of a new occupation or code
 * ({@code context} says which, and is added to the reason).
 */
public record StatusCause(@Nullable String policyUpdateId, @Nullable String source, @Nullable String context) {

    public static StatusCause policyUpdate(String policyUpdateId, String source) {
        return new StatusCause(policyUpdateId, source, null);
    }

    public static StatusCause catalog(String context) {
        return new StatusCause(null, null, context);
    }
}

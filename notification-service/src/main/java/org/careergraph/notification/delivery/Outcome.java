package org.careergraph.notification.delivery;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * How one attempt went: delivered; failed with another attempt at {@code nextAttemptAt}; or failed for good. With
 * {@code disableReason} the subscription is disabled too, and its other pending notifications fail with it.
 */
record Outcome(ClaimedNotification delivery, Result result, Instant at, @Nullable Instant nextAttemptAt,
               @Nullable String error, @Nullable String disableReason) {

    enum Result { DELIVERED, RETRY, FAILED }

    static Outcome delivered(ClaimedNotification delivery, Instant at) {
        return new Outcome(delivery, Result.DELIVERED, at, null, null, null);
    }

    static Outcome retry(ClaimedNotification delivery, Instant at, Instant next, String error) {
        return new Outcome(delivery, Result.RETRY, at, next, error, null);
    }

    static Outcome failed(ClaimedNotification delivery, Instant at, String error, @Nullable String disableReason) {
        return new Outcome(delivery, Result.FAILED, at, null, error, disableReason);
    }
}

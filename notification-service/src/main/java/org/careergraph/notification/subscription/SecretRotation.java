package org.careergraph.notification.subscription;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * Webhook signing-secret rotation (default in application.yml).
 *
 * @param secretOverlap {@code careergraph.notification.webhook.secret-overlap}: how long the secret a rotation
 *                      replaces stays valid when the request names no overlap, 0 to {@link #MAX_OVERLAP}
 */
@ConfigurationProperties("careergraph.notification.webhook")
record SecretRotation(Duration secretOverlap) {

    /** Longer would keep a secret the subscriber wants gone valid for too long. */
    static final Duration MAX_OVERLAP = Duration.ofDays(7);

    SecretRotation {
        if (!withinBounds(secretOverlap)) {
            throw new IllegalArgumentException("careergraph.notification.webhook.secret-overlap must be 0 to "
                    + MAX_OVERLAP.toDays() + " days, not " + secretOverlap);
        }
    }

    static boolean withinBounds(Duration overlap) {
        return !overlap.isNegative() && overlap.compareTo(MAX_OVERLAP) <= 0;
    }
}

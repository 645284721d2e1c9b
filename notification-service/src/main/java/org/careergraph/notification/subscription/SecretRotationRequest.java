package org.careergraph.notification.subscription;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The optional body of a secret rotation.
 *
 * @param overlap how long the replaced secret stays valid, as an ISO 8601 duration ({@code PT1H}, {@code P2D}), 0 to
 *                7 days; left out: the configured overlap (24 hours by default)
 */
@Serdeable
record SecretRotationRequest(@Nullable String overlap) {
}

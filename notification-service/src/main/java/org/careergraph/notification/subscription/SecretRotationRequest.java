package org.careergraph.notification.subscription;

import io.micronaut.core.annotation.Nullable;

/**
 * What a secret rotation asks for ({@code ?overlap=} of the request).
 *
 * @param overlap how long the replaced secret stays valid, as an ISO 8601 duration ({@code PT1H}, {@code P2D}), 0 to
 *                7 days; left out: the configured overlap (24 hours by default)
 */
record SecretRotationRequest(@Nullable String overlap) {
}

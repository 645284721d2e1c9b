package org.careergraph.notification.subscription;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** Where to tell a subscriber, and the hash of the token that manages the subscription (never the token). */
@MappedEntity("subscription")
record Subscription(@Id String id, String webhookUrl, byte[] manageTokenHash, Instant createdAt) {
}

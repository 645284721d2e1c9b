package org.careergraph.notification.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One message to one subscription about one occupation in one event, with the state of its delivery. */
@MappedEntity("notification")
public record Notification(
        @Id String id,
        String subscriptionId,
        String eventId,
        String eventType,
        String occupationId,
        String titleEn,
        String titleZh,
        String messageEn,
        String messageZh,
        NotificationStatus status,
        int attempts,
        Instant nextAttemptAt,
        @Nullable Instant lastAttemptAt,
        @Nullable String lastError,
        Instant createdAt,
        @Nullable Instant deliveredAt) {
}

package org.careergraph.notification.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import org.careergraph.notification.notice.Message;

/**
 * One notification of a subscription and how its delivery went, as the API lists it ({@link DeliveryQueue#page});
 * {@code nextAttemptAt} only while it is pending.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Delivery(String id, String eventId, String eventType, String occupationId, Message message,
                       NotificationStatus status, int attempts, Instant createdAt, @Nullable Instant lastAttemptAt,
                       @Nullable Instant nextAttemptAt, @Nullable Instant deliveredAt, @Nullable String lastError) {
}

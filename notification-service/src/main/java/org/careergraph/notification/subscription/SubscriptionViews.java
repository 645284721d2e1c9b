package org.careergraph.notification.subscription;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import org.careergraph.notification.notification.Message;
import org.careergraph.notification.notification.Notification;
import org.careergraph.notification.notification.NotificationStatus;

/** What the subscription API answers. */
final class SubscriptionViews {

    private SubscriptionViews() {
    }

    /** The answer to a new subscription: the only time the manage token is shown. */
    @Serdeable
    record Created(String id, String webhookUrl, List<String> occupationIds, List<CodePrefix> codePrefixes,
                   String manageToken, Instant createdAt) {
    }

    @Serdeable
    record View(String id, String webhookUrl, List<String> occupationIds, List<CodePrefix> codePrefixes,
                Instant createdAt) {
    }

    /** A notification and how its delivery went; {@code nextAttemptAt} only while it is pending. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Delivery(String id, String eventId, String eventType, String occupationId, Message message,
                    NotificationStatus status, int attempts, Instant createdAt, @Nullable Instant lastAttemptAt,
                    @Nullable Instant nextAttemptAt, @Nullable Instant deliveredAt, @Nullable String lastError) {

        static Delivery of(Notification n) {
            return new Delivery(n.id(), n.eventId(), n.eventType(), n.occupationId(),
                    new Message(n.messageEn(), n.messageZh()), n.status(), n.attempts(), n.createdAt(),
                    n.lastAttemptAt(), n.status() == NotificationStatus.PENDING ? n.nextAttemptAt() : null,
                    n.deliveredAt(), n.lastError());
        }
    }

    /** Always with its items, also when there are none yet. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DeliveryPage(List<Delivery> items, long total, int page, int size) {
    }
}

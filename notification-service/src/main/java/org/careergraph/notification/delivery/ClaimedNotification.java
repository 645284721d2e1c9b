package org.careergraph.notification.delivery;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import org.careergraph.notification.notice.Message;

/**
 * A notification this instance claimed, with what sending it needs: the subscription's channel and secrets, the
 * notice's text, and the claim it belongs to (a result is recorded only for that claim); {@code mergedEventId}: the
 * score change told within a release's notice.
 */
record ClaimedNotification(
        String id,
        String subscriptionId,
        int attempts,
        Instant createdAt,
        String claimToken,
        Instant leaseEnds,
        String subscriptionStatus,
        @Nullable String statusReason,
        String channel,
        @Nullable String webhookUrl,
        @Nullable String signingSecret,
        @Nullable String email,
        @Nullable String emailDelivery,
        @Nullable String mailboxToken,
        String eventId,
        String eventType,
        String occupationId,
        String titleEn,
        String titleZh,
        Message message,
        @Nullable String mergedEventId) {

    boolean digest() {
        return "DAILY_DIGEST".equals(emailDelivery);
    }

    boolean webhook() {
        return "WEBHOOK".equals(channel);
    }

    boolean active() {
        return "ACTIVE".equals(subscriptionStatus);
    }
}

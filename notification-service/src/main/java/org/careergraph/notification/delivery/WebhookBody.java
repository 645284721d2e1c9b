package org.careergraph.notification.delivery;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import org.careergraph.notification.notice.Message;

/**
 * What a webhook receives: the notification, its message in both languages, and the event payload as it came;
 * {@code scoreChange}: the payload of the score change a release caused, when it is told in the release's alert
 * (left out otherwise).
 */
@Serdeable
record WebhookBody(String id, String eventId, String eventType, String occupationId, Titles occupation,
                   Message message, JsonNode change, @Nullable JsonNode scoreChange) {

    @Serdeable
    record Titles(String titleEn, String titleZh) {
    }
}

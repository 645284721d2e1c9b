package org.careergraph.notification.delivery;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import org.careergraph.notification.notification.Message;

/** What a webhook receives: the notification, its message in both languages, and the event payload as it came. */
@Serdeable
record WebhookBody(String id, String eventId, String eventType, String occupationId, Titles occupation,
                   Message message, JsonNode change) {

    @Serdeable
    record Titles(String titleEn, String titleZh) {
    }
}

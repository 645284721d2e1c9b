package org.careergraph.notification.delivery;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.careergraph.notification.notice.Notices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one webhook delivery: the body ({@link WebhookBody}) with the event's payload as {@code change}, signed
 * (Standard Webhooks) anew at every attempt, with both signatures while a rotated secret is still valid. Payloads are
 * stored without internal fields ({@link Notices}), so they are sent as stored; each event's is read from the database
 * once and kept (an event's payload never changes), however many batches its fan-out takes.
 */
@Singleton
class WebhookSender {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    /** Payloads kept, the most recently used: a fan-out's batches are mostly one event. */
    private static final int PAYLOADS_KEPT = 256;

    private final WebhookClient webhooks;
    private final WebhookSignature.Secrets secrets;
    private final Notices notices;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<String, JsonNode> payloads = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, JsonNode> eldest) {
                    return size() > PAYLOADS_KEPT;
                }
            });

    WebhookSender(WebhookClient webhooks, WebhookSignature.Secrets secrets, Notices notices, JsonMapper json,
                  Clock clock) {
        this.webhooks = webhooks;
        this.secrets = secrets;
        this.notices = notices;
        this.json = json;
        this.clock = clock;
    }

    /** The payloads the webhooks among these deliveries send, by event id (the score changes merged in too). */
    Map<String, JsonNode> changes(List<ClaimedNotification> claimed) {
        Set<String> eventIds = claimed.stream().filter(ClaimedNotification::webhook)
                .flatMap(d -> Stream.of(d.eventId(), d.mergedEventId())).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<String, JsonNode> changes = new HashMap<>();
        for (String eventId : eventIds) {
            JsonNode kept = payloads.get(eventId);
            if (kept != null) {
                changes.put(eventId, kept);
            }
        }
        eventIds.removeAll(changes.keySet());
        notices.payloads(eventIds).forEach((eventId, payload) -> {
            try {
                JsonNode change = json.readValue(payload, JsonNode.class);
                payloads.put(eventId, change);
                changes.put(eventId, change);
            } catch (IOException e) {
                LOG.warn("Payload of event {} is not JSON; webhooks get no change: {}", eventId, e.toString());
            }
        });
        return changes;
    }

    /** POSTs the delivery, signed; how the receiver answered. */
    WebhookClient.Answer send(ClaimedNotification delivery, JsonNode change, @Nullable JsonNode scoreChange)
            throws IOException, InterruptedException {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String body = json.writeValueAsString(new WebhookBody(delivery.id(), delivery.eventId(),
                delivery.eventType(), delivery.occupationId(),
                new WebhookBody.Titles(delivery.titleEn(), delivery.titleZh()), delivery.message(), change,
                scoreChange));
        long timestamp = at.getEpochSecond();
        return webhooks.post(delivery.webhookUrl(), Map.of(
                WebhookSignature.ID, delivery.id(),
                WebhookSignature.TIMESTAMP, String.valueOf(timestamp),
                // Both signatures while a rotated secret is still valid, so either secret verifies.
                WebhookSignature.SIGNATURE, WebhookSignature.signAll(secrets.forSigning(delivery.subscriptionId(),
                        delivery.claimToken(), delivery.signingSecret()), delivery.id(), timestamp, body)),
                body, at);
    }
}

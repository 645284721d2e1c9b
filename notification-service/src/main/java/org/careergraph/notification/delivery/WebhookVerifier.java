package org.careergraph.notification.delivery;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Proves that a webhook endpoint wants our calls before a subscription to it is stored: it is sent a signed
 * verification request (the Standard Webhooks headers of every delivery, body
 * {@code {"type":"webhook.verification","challenge":"..."}}) and must answer 2xx echoing the challenge, as JSON
 * {@code {"challenge":"..."}} or as the bare value. Anyone could otherwise make this service POST every change to a
 * URL of their choosing.
 */
@Singleton
public class WebhookVerifier {

    public static final String TYPE = "webhook.verification";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Serdeable
    record Request(String type, String challenge) {
    }

    private final WebhookClient client;
    private final JsonMapper json;
    private final Clock clock;

    WebhookVerifier(WebhookClient client, JsonMapper json, Clock clock) {
        this.client = client;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Empty when the endpoint answered the challenge; otherwise what it did, in plain words, to follow "the
     * endpoint ..." (e.g. "answered HTTP 404"). Signed with each of the subscription's valid secrets, current first
     * (two while a rotated one is still valid), like a delivery.
     */
    public Optional<String> failure(String webhookUrl, List<String> signingSecrets) throws InterruptedException {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String body;
        try {
            body = json.writeValueAsString(new Request(TYPE, challenge));
        } catch (IOException e) {
            throw new IllegalStateException("a two-field record is always JSON", e);
        }
        String id = "verify_" + UUID.randomUUID();
        long timestamp = clock.instant().getEpochSecond();
        WebhookClient.Reply reply = client.verify(webhookUrl, Map.of(
                WebhookSignature.ID, id,
                WebhookSignature.TIMESTAMP, String.valueOf(timestamp),
                WebhookSignature.SIGNATURE, WebhookSignature.signAll(signingSecrets, id, timestamp, body)), body);
        if (reply.error() != null) {
            return Optional.of(reply.error().startsWith("it ") ? reply.error().substring(3)
                    : "did not answer: " + reply.error());
        }
        if (reply.status() >= 300 && reply.status() < 400) {
            return Optional.of("answered HTTP " + reply.status() + " (a redirect); give the URL it redirects to");
        }
        if (reply.status() < 200 || reply.status() >= 300) {
            return Optional.of("answered HTTP " + reply.status() + " instead of 2xx with the challenge");
        }
        if (!echoes(reply.body(), challenge)) {
            return Optional.of("answered HTTP " + reply.status() + " without echoing the challenge");
        }
        return Optional.empty();
    }

    private boolean echoes(String answer, String challenge) {
        if (answer == null) {
            return false;
        }
        String text = answer.strip();
        if (text.equals(challenge)) {
            return true;
        }
        try {
            Map<String, Object> fields = json.readValue(text, Argument.mapOf(String.class, Object.class));
            return fields != null && challenge.equals(fields.get("challenge"));
        } catch (IOException | RuntimeException notJson) {
            return false;
        }
    }
}

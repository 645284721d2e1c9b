package org.careergraph.notification.subscription;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * Where and how to tell a subscriber, and what about beyond the watched occupations, prefixes and countries (kept
 * beside it): the kinds of change ({@code kinds}, NoticeKind bits) and whether every Green List change. Keeps the
 * hash of the manage token, never the token; a webhook's endpoint ({@link WebhookUrls}), for the cap per URL; and,
 * after a secret rotation, the replaced secret and until when it stays valid ({@link SigningSecrets}).
 */
@MappedEntity("subscription")
record Subscription(
        @Id String id,
        Channel channel,
        @Nullable String webhookUrl,
        @Nullable String email,
        @Nullable EmailDelivery emailDelivery,
        SubscriptionStatus status,
        @Nullable String statusReason,
        int kinds,
        boolean anyGreenList,
        byte[] manageTokenHash,
        @Nullable String signingSecret,
        @Nullable String mailboxToken,
        Instant createdAt,
        @Nullable Instant confirmedAt,
        @Nullable String webhookEndpoint,
        @Nullable String previousSigningSecret,
        @Nullable Instant previousSecretExpiresAt) {

    Subscription withStatus(SubscriptionStatus next, @Nullable String reason, @Nullable Instant confirmed) {
        return new Subscription(id, channel, webhookUrl, email, emailDelivery, next, reason, kinds, anyGreenList,
                manageTokenHash, signingSecret, mailboxToken, createdAt, confirmed, webhookEndpoint,
                previousSigningSecret, previousSecretExpiresAt);
    }

    Subscription withSettings(@Nullable String newWebhookUrl, @Nullable EmailDelivery newEmailDelivery, int newKinds,
                              boolean newAnyGreenList) {
        return new Subscription(id, channel, newWebhookUrl, email, newEmailDelivery, status, statusReason, newKinds,
                newAnyGreenList, manageTokenHash, signingSecret, mailboxToken, createdAt, confirmedAt,
                newWebhookUrl == null ? null : WebhookUrls.endpoint(newWebhookUrl), previousSigningSecret,
                previousSecretExpiresAt);
    }

    /** The secrets as another read of the row has them (a rotation may have committed since this one was read). */
    Subscription withSecretsOf(Subscription latest) {
        return new Subscription(id, channel, webhookUrl, email, emailDelivery, status, statusReason, kinds,
                anyGreenList, manageTokenHash, latest.signingSecret(), mailboxToken, createdAt, confirmedAt,
                webhookEndpoint, latest.previousSigningSecret(), latest.previousSecretExpiresAt());
    }

    /** The previous secret's expiry while it is still valid at {@code now}, else null. */
    @Nullable Instant previousSecretValidUntil(Instant now) {
        return previousSigningSecret != null && previousSecretExpiresAt != null && previousSecretExpiresAt.isAfter(now)
                ? previousSecretExpiresAt : null;
    }
}

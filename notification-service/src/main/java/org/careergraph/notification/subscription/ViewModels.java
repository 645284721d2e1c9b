package org.careergraph.notification.subscription;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import org.careergraph.notification.notice.NoticeKind;

/** What the subscription API answers. Tokens and the signing secret appear once, in {@link Created}, never again. */
final class ViewModels {

    private ViewModels() {
    }

    /** The answer to a new subscription: the only time the manage token and the webhook signing secret are shown. */
    @Serdeable
    record Created(String id, Channel channel, @Nullable String email, @Nullable EmailDelivery emailDelivery,
                   @Nullable String webhookUrl, SubscriptionStatus status, List<String> occupationIds,
                   List<CodePrefix> codePrefixes, List<String> countries, boolean anyGreenListChange,
                   List<NoticeKind> kinds, String manageToken, @Nullable String signingSecret, Instant createdAt) {
    }

    @Serdeable
    record View(String id, Channel channel, @Nullable String email, @Nullable EmailDelivery emailDelivery,
                @Nullable String webhookUrl, SubscriptionStatus status, @Nullable String statusReason,
                List<String> occupationIds, List<CodePrefix> codePrefixes, List<String> countries,
                boolean anyGreenListChange, List<NoticeKind> kinds, Instant createdAt, @Nullable Instant confirmedAt,
                @Nullable Instant previousSecretExpiresAt) {
    }

    /**
     * The answer to a secret rotation: the only time the new signing secret is shown, and until when the one it
     * replaced is still valid (deliveries are signed with both until then); none after a rotation without overlap.
     */
    @Serdeable
    record Rotated(String signingSecret, @Nullable Instant previousSecretExpiresAt) {
    }

    static Created created(Subscription s, Watches.Of watches, String manageToken) {
        return new Created(s.id(), s.channel(), s.email(), s.emailDelivery(), s.webhookUrl(), s.status(),
                watches.occupationIds(), watches.codePrefixes(), watches.countries(), s.anyGreenList(),
                NoticeKind.of(s.kinds()), manageToken, s.signingSecret(), s.createdAt());
    }

    /** {@code now}: a replaced secret's expiry is shown only while it is valid (the secrets never). */
    static View view(Subscription s, Watches.Of watches, Instant now) {
        return new View(s.id(), s.channel(), s.email(), s.emailDelivery(), s.webhookUrl(), s.status(),
                s.statusReason(), watches.occupationIds(), watches.codePrefixes(), watches.countries(),
                s.anyGreenList(), NoticeKind.of(s.kinds()), s.createdAt(), s.confirmedAt(),
                s.previousSecretValidUntil(now));
    }
}

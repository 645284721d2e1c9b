package org.careergraph.notification.subscription;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.careergraph.notification.delivery.WebhookSignature;

/**
 * The secrets each webhook delivery is signed with: the subscription's current one (which the delivery's claim read)
 * and, during a rotation's overlap, the one it replaced. Subscriptions in an overlap are few, so they are read all at
 * once (an indexed query) and kept here, instead of a query per delivery.
 *
 * <p>The list is read again once per claim, the first time one of its deliveries is signed, so it is newer than what
 * the claim read: a rotation the claim saw (on any instance) is always known here, and its overlap never missed.
 */
@Singleton
class SigningSecrets implements WebhookSignature.Secrets {

    /** Longer than any claim's lease: a claim's deliveries are signed within it. */
    private static final Duration CLAIMS_REMEMBERED = Duration.ofMinutes(5);

    private final SubscriptionRepository subscriptions;
    private final Clock clock;
    /** When (System.nanoTime) each recent claim was first seen here: after the claim had read its subscriptions. */
    private final Map<String, Long> claimsSeen = new ConcurrentHashMap<>();
    private final ReentrantLock reading = new ReentrantLock();
    private volatile Map<String, Subscription> inOverlap = new ConcurrentHashMap<>();
    /** When the last read of the list started (System.nanoTime). */
    private volatile long readFrom = System.nanoTime() - Duration.ofDays(1).toNanos();

    SigningSecrets(SubscriptionRepository subscriptions, Clock clock) {
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    @Override
    public List<String> forSigning(String subscriptionId, String claimToken, String current) {
        long seen = claimsSeen.computeIfAbsent(claimToken, token -> System.nanoTime());
        if (readFrom - seen < 0) {
            readAfter(seen);
        }
        Subscription rotated = inOverlap.get(subscriptionId);
        if (rotated == null || !(current.equals(rotated.signingSecret())
                || current.equals(rotated.previousSigningSecret()))) {
            return List.of(current);
        }
        Instant now = clock.instant();
        if (rotated.previousSecretValidUntil(now) == null) {
            // Expired since the list was read: forgotten now, at the latest (the periodic sweep may not have come).
            if (inOverlap.remove(subscriptionId, rotated)) {
                subscriptions.forgetPreviousSecretsExpiredAt(now);
            }
            return List.of(rotated.signingSecret());
        }
        return List.of(rotated.signingSecret(), rotated.previousSigningSecret());
    }

    /** Reads the list unless a read that started after {@code seen} did already (concurrent senders share one). */
    private void readAfter(long seen) {
        reading.lock();
        try {
            if (readFrom - seen >= 0) {
                return;
            }
            long started = System.nanoTime();
            // Expired ones too, until the sweep: the first delivery after the expiry forgets its secret.
            inOverlap = subscriptions.findWithPreviousSecret().stream()
                    .collect(Collectors.toConcurrentMap(Subscription::id, Function.identity()));
            readFrom = started;
            long forgetBefore = started - CLAIMS_REMEMBERED.toNanos();
            claimsSeen.values().removeIf(at -> at - forgetBefore < 0);
        } finally {
            reading.unlock();
        }
    }

    /** The secrets a subscription's messages are signed with now, current first (verification requests). */
    static List<String> valid(Subscription subscription, Instant now) {
        return subscription.previousSecretValidUntil(now) == null ? List.of(subscription.signingSecret())
                : List.of(subscription.signingSecret(), subscription.previousSigningSecret());
    }
}

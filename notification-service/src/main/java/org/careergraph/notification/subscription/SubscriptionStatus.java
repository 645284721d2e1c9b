package org.careergraph.notification.subscription;

/** Only an active subscription is notified. */
public enum SubscriptionStatus {
    /** An email subscription whose address has not confirmed it yet (double opt-in). */
    PENDING_CONFIRMATION,
    ACTIVE,
    /** Paused by its subscriber, or a webhook endpoint that answered 410 Gone or kept failing past the retry window. */
    DISABLED
}

package org.careergraph.notification.delivery;

/** Where a notification's delivery stands. */
public enum NotificationStatus {
    /** Waiting for its next attempt (or being attempted now). */
    PENDING,
    DELIVERED,
    /** Given up: the last attempt of the retry schedule failed, or the endpoint was disabled. */
    FAILED
}

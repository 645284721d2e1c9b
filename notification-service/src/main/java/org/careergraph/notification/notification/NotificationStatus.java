package org.careergraph.notification.notification;

/** Where a notification's delivery stands. */
public enum NotificationStatus {
    /** Waiting for its next attempt (or being attempted now). */
    PENDING,
    DELIVERED,
    /** Given up after the maximum number of attempts. */
    FAILED
}

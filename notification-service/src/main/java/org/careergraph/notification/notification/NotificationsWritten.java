package org.careergraph.notification.notification;

/** The fan-out wrote notifications in the current transaction: the dispatcher is woken once it commits. */
public enum NotificationsWritten {
    INSTANCE
}

package org.careergraph.notification.delivery;

/** The fan-out wrote notifications in the current transaction: the dispatcher is woken once it commits. */
enum NotificationsWritten {
    INSTANCE
}

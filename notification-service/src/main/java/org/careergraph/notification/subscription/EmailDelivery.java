package org.careergraph.notification.subscription;

/** An email per change, or one a day with all of the day's changes. */
public enum EmailDelivery {
    IMMEDIATE,
    DAILY_DIGEST
}

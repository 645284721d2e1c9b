package org.careergraph.notification.subscription;

/** How a subscriber is told: by email or by a signed webhook. (The Atom feed needs no subscription.) */
public enum Channel {
    EMAIL,
    WEBHOOK
}

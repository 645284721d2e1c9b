package org.careergraph.notification.notice;

/** A notice became due for fan-out in the current transaction: the fan-out is woken once it commits. */
enum FanOutDue {
    INSTANCE
}

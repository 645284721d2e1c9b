package org.careergraph.notification.feed;

import java.time.Instant;
import java.util.List;
import org.careergraph.notification.notification.ChangeKind;
import org.careergraph.notification.notification.Message;

/** One change to the occupation, as a feed shows it (a notice: one per event that changed it). */
record FeedEntry(long id, String eventId, String eventType, List<ChangeKind> kinds, Message message,
                 Instant occurredAt) {
}

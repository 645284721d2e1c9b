package org.careergraph.notification.feed;

import java.time.Instant;
import java.util.List;
import org.careergraph.notification.notice.NoticeKind;
import org.careergraph.notification.notice.Message;

/** One change to the occupation, as a feed shows it (a notice: one per event that changed it). */
record FeedEntry(long id, String eventId, String eventType, List<NoticeKind> kinds, Message message,
                 Instant occurredAt) {
}

package org.careergraph.platform.inbox;

import org.careergraph.events.EventPayload;
import org.careergraph.events.EventType;

/**
 * Reacts to one event type. {@link EventConsumer} calls it inside a database transaction that also records the
 * event id, at most once per event id; an exception rolls the transaction back and the event is retried, then
 * dead-lettered.
 */
public interface EventHandler<T extends EventPayload> {

    EventType type();

    void handle(ReceivedEvent<T> event);
}

package org.careergraph.platform.inbox;

import org.careergraph.events.EventPayload;

/**
 * Reacts to one event type, the one whose payload record is {@code T}: the platform reads it from the type argument,
 * so a handler only says what it does. {@link EventConsumer} calls it inside a database transaction that also records
 * the event id, at most once per event id, never for a revision older than one already handled; an exception rolls
 * the transaction back and the event is retried, then dead-lettered. Services keep their handlers in an
 * {@code events} package, one {@code <Event>Handler} per type (ADR 0018).
 */
public interface EventHandler<T extends EventPayload> {

    void handle(ReceivedEvent<T> event);
}

package org.careergraph.platform.outbox;

/**
 * An event whose payload is too large for Kafka: the write that caused it fails instead of leaving an event that can
 * never be sent. The HTTP layer answers 413 (platform {@code web/EventTooLargeHandler}).
 */
public class EventTooLargeException extends RuntimeException {

    public EventTooLargeException(int characters, int limit) {
        super("The change is too large to publish (" + characters + " characters; at most " + limit
                + "). Make it in smaller steps.");
    }
}

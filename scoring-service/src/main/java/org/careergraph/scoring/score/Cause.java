package org.careergraph.scoring.score;

import org.careergraph.platform.inbox.ReceivedEvent;

/** Why occupations are re-scored: in words, and the event that made it so (carried on {@code score changed}). */
public record Cause(String reason, String eventId, String eventType) {

    public static Cause of(String reason, ReceivedEvent<?> event) {
        return new Cause(reason, event.id(), event.type().type());
    }
}

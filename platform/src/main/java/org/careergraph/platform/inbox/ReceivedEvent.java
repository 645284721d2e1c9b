package org.careergraph.platform.inbox;

import java.net.URI;
import java.time.OffsetDateTime;
import org.careergraph.events.EventPayload;
import org.careergraph.events.EventType;

/** A consumed CloudEvent with its payload bound to the contract's record. */
public record ReceivedEvent<T extends EventPayload>(
        String id, EventType type, URI source, String subject, OffsetDateTime time, T payload) {
}

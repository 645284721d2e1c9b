package org.careergraph.platform.inbox;

import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.time.OffsetDateTime;
import org.careergraph.events.EventPayload;
import org.careergraph.events.EventType;

/**
 * A consumed CloudEvent with its payload bound to the contract's record, and the W3C trace context of its writer from
 * the CloudEvents distributed-tracing extension (null when it was written outside a trace).
 */
public record ReceivedEvent<T extends EventPayload>(
        String id, EventType type, URI source, String subject, OffsetDateTime time, T payload,
        @Nullable String traceparent, @Nullable String tracestate) {

    /** An event without trace context (tests, events written before tracing). */
    public ReceivedEvent(String id, EventType type, URI source, String subject, OffsetDateTime time, T payload) {
        this(id, type, source, subject, time, payload, null, null);
    }
}

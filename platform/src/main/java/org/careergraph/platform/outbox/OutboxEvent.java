package org.careergraph.platform.outbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;

/** A row of the transactional outbox: one event waiting to be published (or sent). The aggregate type is the topic. */
@MappedEntity("outbox_event")
public record OutboxEvent(
        @Id @GeneratedValue @Nullable Long seq,
        String id,
        @MappedProperty("aggregatetype") String aggregateType,
        @MappedProperty("aggregateid") String aggregateId,
        String type,
        String payload,
        Instant createdAt,
        @Nullable Instant sentAt,
        // W3C trace context of the writer, sent as the CloudEvents distributed-tracing extension (ADR 0017).
        @Nullable String traceparent,
        @Nullable String tracestate) {
}

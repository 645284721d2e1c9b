package org.careergraph.platform.outbox;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.TransactionDefinition;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careergraph.events.EventPayload;
import org.careergraph.events.EventType;
import org.careergraph.platform.tracing.TraceContext;

/**
 * Records an event to publish in the caller's transaction, beside the business rows it describes: both commit or
 * neither does. {@link OutboxRelay} publishes it afterwards.
 */
@Singleton
public class Outbox {

    /** Below the producer's 1 MB max.request.size, with room for headers and multi-byte characters. */
    static final int MAX_PAYLOAD_CHARS = 300_000;

    private final OutboxRepository repository;
    private final JsonMapper json;
    private final ApplicationEventPublisher<OutboxWritten> written;
    private final Clock clock;

    Outbox(OutboxRepository repository, JsonMapper json, ApplicationEventPublisher<OutboxWritten> written, Clock clock) {
        this.repository = repository;
        this.json = json;
        this.written = written;
        this.clock = clock;
    }

    /**
     * Adds the event to the outbox and returns its id (the CloudEvents id). Requires a transaction. An event too
     * large for Kafka is refused here ({@link EventTooLargeException}), so the write that caused it fails instead of an
     * event that can never leave.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public String add(EventPayload payload) {
        OutboxEvent event = event(payload, TraceContext.currentHeaders());
        repository.save(event);
        written.publishEvent(OutboxWritten.INSTANCE);
        return event.id();
    }

    /** Adds the events in one batched insert (see {@link #add}), for writers that publish many at once. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void addAll(List<? extends EventPayload> payloads) {
        if (!payloads.isEmpty()) {
            // One trace for the whole batch (a release import writes thousands), read once.
            Map<String, String> trace = TraceContext.currentHeaders();
            repository.saveAll(payloads.stream().map(payload -> event(payload, trace)).toList());
            written.publishEvent(OutboxWritten.INSTANCE);
        }
    }

    /** @param trace the trace of the request or handler writing it, which travels with the event (ADR 0017) */
    private OutboxEvent event(EventPayload payload, Map<String, String> trace) {
        EventType type = EventType.of(payload);
        String json = toJson(payload);
        if (json.length() > MAX_PAYLOAD_CHARS) {
            throw new EventTooLargeException(json.length(), MAX_PAYLOAD_CHARS);
        }
        return new OutboxEvent(null, UUID.randomUUID().toString(), type.topic(), payload.aggregateId(), type.type(),
                json, Instant.now(clock).truncatedTo(ChronoUnit.MILLIS), null,
                trace.get(TraceContext.TRACEPARENT), trace.get(TraceContext.TRACESTATE));
    }

    private String toJson(EventPayload payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

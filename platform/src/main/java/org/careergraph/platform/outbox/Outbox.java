package org.careergraph.platform.outbox;

import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.TransactionDefinition;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.careergraph.events.EventPayload;
import org.careergraph.events.EventType;

/**
 * Records an event to publish in the caller's transaction, beside the business rows it describes: both commit or
 * neither does. {@link OutboxRelay} publishes it afterwards.
 */
@Singleton
public class Outbox {

    private final OutboxRepository repository;
    private final JsonMapper json;
    private final Clock clock;

    Outbox(OutboxRepository repository, JsonMapper json) {
        this.repository = repository;
        this.json = json;
        this.clock = Clock.systemUTC();
    }

    /** Adds the event to the outbox and returns its id (the CloudEvents id). Requires a transaction. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public String add(EventPayload payload) {
        EventType type = EventType.of(payload);
        String id = UUID.randomUUID().toString();
        repository.save(new OutboxEvent(null, id, type.topic(), payload.aggregateId(), type.type(),
                toJson(payload), Instant.now(clock).truncatedTo(ChronoUnit.MILLIS), null));
        return id;
    }

    private String toJson(EventPayload payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.careergraph.platform.inbox;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** The id of an event this service has processed: the idempotency key of every consumer. */
@MappedEntity("processed_event")
record ProcessedEvent(@Id String eventId, String eventType, Instant processedAt) {
}

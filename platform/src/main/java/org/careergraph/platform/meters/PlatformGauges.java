package org.careergraph.platform.meters;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;

/**
 * The gauges every service has, from the tables the platform gives each (docs/configuration.md, Metrics): how many
 * events wait in the outbox and for how long the oldest has, and the kept dead letters by state.
 */
@Context
@Requires(bean = DatabaseGauges.class)
class PlatformGauges {

    PlatformGauges(DatabaseGauges gauges) {
        gauges.register("careergraph.outbox.backlog", "Events written to the outbox and not yet sent to Kafka",
                "events", "SELECT COUNT(*) FROM outbox_event WHERE sent_at IS NULL");
        gauges.register("careergraph.outbox.oldest.age", "How long the oldest unsent outbox event has waited "
                + "(0 when none waits)", "seconds", "SELECT MIN(created_at) FROM outbox_event WHERE sent_at IS NULL");
        gauges.register("careergraph.dead.letters", "Kept dead letters of this service's consumer group, by state",
                "records", "SELECT state, COUNT(*) FROM dead_letter GROUP BY state", "state");
    }
}

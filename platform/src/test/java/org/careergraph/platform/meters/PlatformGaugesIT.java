package org.careergraph.platform.meters;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.careergraph.events.Score;
import org.careergraph.events.ScoreChanged;
import org.careergraph.platform.outbox.Outbox;
import org.careergraph.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The outbox gauges follow the outbox as events wait and leave (the relay is off here, so nothing leaves unless the
 * test sends it as the relay would).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformGaugesIT implements TestPropertyProvider {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Outbox outbox;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    JdbcOperations jdbc;

    @Inject
    MeterRegistry meters;

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(TestInfrastructure.serviceProperties("platform_gauges"));
        props.put("micronaut.application.name", "platform-gauges-test");
        props.put("careergraph.outbox.relay.enabled", "false");
        props.put("careergraph.meters.refresh", "200ms");
        return props;
    }

    @Test
    void theBacklogAndTheOldestAgeRiseAsEventsWaitAndFallWhenTheyAreSent() {
        await().atMost(WAIT).until(() -> value("careergraph.outbox.backlog") == 0.0);

        transactions.executeWrite(status -> {
            outbox.addAll(List.of(score(TestInfrastructure.uniqueId("anzsco")),
                    score(TestInfrastructure.uniqueId("anzsco"))));
            return null;
        });

        await().atMost(WAIT).until(() -> value("careergraph.outbox.backlog") == 2.0);
        // The names the alerts and the dashboard use (deploy's ManifestChecks.METERS).
        String scraped = http.toBlocking().retrieve("/prometheus");
        assertTrue(scraped.contains("\ncareergraph_outbox_backlog_events 2.0"), scraped);
        assertTrue(scraped.contains("\ncareergraph_outbox_oldest_age_seconds "), scraped);
        double firstAge = value("careergraph.outbox.oldest.age");
        await().atMost(WAIT).until(() -> value("careergraph.outbox.oldest.age") > firstAge);

        // What the relay does once Kafka has them.
        jdbc.execute(connection -> connection.createStatement()
                .executeUpdate("UPDATE outbox_event SET sent_at = CURRENT_TIMESTAMP(3) WHERE sent_at IS NULL"));

        await().atMost(WAIT).until(() -> value("careergraph.outbox.backlog") == 0.0
                && value("careergraph.outbox.oldest.age") == 0.0);
    }

    private double value(String name) {
        Gauge gauge = meters.find(name).gauge();
        return gauge == null ? -1 : gauge.value();
    }

    private static ScoreChanged score(String id) {
        return new ScoreChanged(id, "test", null, new Score(BigDecimal.TEN, Map.of()), "test", "cause", "test");
    }
}

package org.careergraph.platform.inbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.careergraph.events.EventFixtures;
import org.careergraph.events.EventType;
import org.careergraph.events.Topics;
import org.careergraph.testsupport.TestEvents;
import org.careergraph.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The consumer group's lag is reported per topic, from the broker, and falls to 0 once the group has read. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsumerLagIT implements TestPropertyProvider {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String GROUP = "platform-lag-test";

    @Inject
    MeterRegistry meters;

    @Inject
    FlakyStatusHandler handler;

    private final TestEvents events = TestEvents.connect(TestInfrastructure.kafkaBootstrapServers());

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(TestInfrastructure.serviceProperties("platform_lag"));
        props.put("micronaut.application.name", GROUP);
        props.put("careergraph.meters.refresh", "200ms");
        return props;
    }

    @AfterAll
    void close() {
        events.close();
    }

    @Test
    void theGroupsLagOnATopicItReadsIsReportedAndFallsToZero() {
        String id = TestInfrastructure.uniqueId("anzsco");
        events.publish(EventType.IMMIGRATION_STATUS_CHANGED, id,
                EventFixtures.json(EventType.IMMIGRATION_STATUS_CHANGED, id));
        await().atMost(WAIT).until(() -> handler.attempts.containsKey(id));

        await().atMost(WAIT).untilAsserted(() -> {
            List<Gauge> lags = meters.find("careergraph.consumer.lag").tags("group", GROUP,
                    "topic", Topics.IMMIGRATION_STATUSES).gauges().stream().toList();
            assertEquals(1, lags.size(), "one series for the group on the topic it read");
            assertEquals(0.0, lags.get(0).value(), "caught up once the event was handled and committed");
            assertEquals("records", lags.get(0).getId().getBaseUnit()); // careergraph_consumer_lag_records
        });
    }
}

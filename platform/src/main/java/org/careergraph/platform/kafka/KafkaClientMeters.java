package org.careergraph.platform.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * Publishes the Kafka client metrics (kafka_producer_*, kafka_consumer_*: records sent and consumed, lag, request
 * latency, connection count...) of the platform's own producers and consumers to the meter registry, which
 * Prometheus scrapes at /prometheus. Micronaut binds these only for micronaut-kafka's clients; the platform creates
 * its clients itself. Close the returned handle before (or right after) closing the client.
 */
@Singleton
public class KafkaClientMeters {

    private static final AutoCloseable NOTHING = () -> { };

    private final BeanProvider<MeterRegistry> registry;

    KafkaClientMeters(BeanProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    public AutoCloseable bind(Producer<?, ?> producer) {
        return registry.isPresent() ? bind(new KafkaClientMetrics(producer)) : NOTHING;
    }

    public AutoCloseable bind(Consumer<?, ?> consumer) {
        return registry.isPresent() ? bind(new KafkaClientMetrics(consumer)) : NOTHING;
    }

    private AutoCloseable bind(KafkaClientMetrics metrics) {
        metrics.bindTo(registry.get());
        return metrics;
    }
}

package org.careergraph.testsupport;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.careergraph.events.EventType;

/** Publishes events to a consumer under test as a real publisher would: CloudEvents in binary mode, keyed by subject. */
public final class TestEvents implements AutoCloseable {

    private static final URI SOURCE = URI.create("/careergraph/test");

    private final KafkaProducer<String, CloudEvent> producer;
    private final KafkaProducer<String, byte[]> rawProducer;

    private TestEvents(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, new StringSerializer(), new CloudEventSerializer());
        rawProducer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    public static TestEvents connect(String bootstrapServers) {
        return new TestEvents(bootstrapServers);
    }

    /** Publishes a payload (JSON, e.g. from EventFixtures) with a fresh id; returns the id. */
    public String publish(EventType type, String subject, String json) {
        return publish(UUID.randomUUID().toString(), type, subject, json);
    }

    /** Publishes with a chosen id: the same id twice is a redelivery. */
    public String publish(String id, EventType type, String subject, String json) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(id)
                .withType(type.type())
                .withSource(SOURCE)
                .withSubject(subject)
                .withTime(OffsetDateTime.now())
                .withDataContentType("application/json")
                .withData(json.getBytes(StandardCharsets.UTF_8))
                .build();
        await(producer.send(new ProducerRecord<>(type.topic(), subject, event)));
        return id;
    }

    /** Publishes bytes with no CloudEvents headers at all: a poison record. */
    public void publishRaw(String topic, String key, byte[] value) {
        await(rawProducer.send(new ProducerRecord<>(topic, key, value)));
    }

    private static void await(Future<?> ack) {
        try {
            ack.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("publishing failed", e);
        }
    }

    @Override
    public void close() {
        producer.close();
        rawProducer.close();
    }
}

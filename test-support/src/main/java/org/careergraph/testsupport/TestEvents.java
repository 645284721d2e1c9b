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
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.careergraph.events.EventType;

/** Publishes events to a consumer under test as a real publisher would: CloudEvents in binary mode, keyed by subject. */
public final class TestEvents implements AutoCloseable {

    private static final URI SOURCE = URI.create("/careergraph/test");
    /** Far beyond any offset a test's topic reaches. */
    private static final AtomicLong UNREAL_OFFSETS = new AtomicLong(1_000_000_000L);

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
        await(producer.send(new ProducerRecord<>(type.topic(), subject, event(id, type, subject, json))));
        return id;
    }

    private static CloudEvent event(String id, EventType type, String subject, String json) {
        return CloudEventBuilder.v1()
                .withId(id)
                .withType(type.type())
                .withSource(SOURCE)
                .withSubject(subject)
                .withTime(OffsetDateTime.now())
                .withDataContentType("application/json")
                .withData(json.getBytes(StandardCharsets.UTF_8))
                .build();
    }

    /**
     * Writes an event straight to its topic's dead-letter twin, with the headers a consumer writes there, as if the
     * consumer group's handler had failed on it before a fix; returns the event's id. Its origin is an offset no
     * real record has, so that it is a dead letter of its own.
     */
    public String publishDeadLetter(EventType type, String subject, String json, String consumerGroup) {
        String id = UUID.randomUUID().toString();
        ProducerRecord<String, CloudEvent> record = new ProducerRecord<>(type.topic() + ".dlt", subject,
                event(id, type, subject, json));
        record.headers().add("careergraph-dlt-original-topic", bytes(type.topic()));
        record.headers().add("careergraph-dlt-original-partition", bytes("0"));
        record.headers().add("careergraph-dlt-original-offset", bytes(String.valueOf(UNREAL_OFFSETS.incrementAndGet())));
        record.headers().add("careergraph-dlt-consumer-group", bytes(consumerGroup));
        record.headers().add("careergraph-dlt-error", bytes("java.lang.IllegalStateException: failed before the fix"));
        await(producer.send(record));
        return id;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
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

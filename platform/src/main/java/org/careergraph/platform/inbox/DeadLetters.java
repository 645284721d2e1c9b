package org.careergraph.platform.inbox;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.careergraph.events.Topics;
import org.careergraph.platform.kafka.KafkaClientMeters;
import org.careergraph.platform.kafka.KafkaSettings;

/** Moves a record that cannot be processed to {@code <topic>.dlt}, unchanged, with where it came from and why. */
@Singleton
class DeadLetters {

    static final String ORIGINAL_TOPIC = "careergraph-dlt-original-topic";
    static final String ORIGINAL_PARTITION = "careergraph-dlt-original-partition";
    static final String ORIGINAL_OFFSET = "careergraph-dlt-original-offset";
    static final String CONSUMER_GROUP = "careergraph-dlt-consumer-group";
    static final String ERROR = "careergraph-dlt-error";

    private final Producer<String, byte[]> producer;
    private final AutoCloseable producerMeters;

    DeadLetters(KafkaSettings settings, KafkaClientMeters meters) {
        Map<String, Object> props = settings.clientProperties("dead-letters");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.producerMeters = meters.bind(producer);
    }

    /** Blocks until the dead-letter topic has the record: only then may the consumer commit past it. */
    void send(ConsumerRecord<String, byte[]> record, String consumerGroup, Throwable error)
            throws ExecutionException, InterruptedException, TimeoutException {
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.add(ORIGINAL_TOPIC, bytes(record.topic()));
        headers.add(ORIGINAL_PARTITION, bytes(String.valueOf(record.partition())));
        headers.add(ORIGINAL_OFFSET, bytes(String.valueOf(record.offset())));
        headers.add(CONSUMER_GROUP, bytes(consumerGroup));
        headers.add(ERROR, bytes(describe(error)));
        producer.send(new ProducerRecord<>(Topics.deadLetter(record.topic()), null, record.key(), record.value(),
                headers)).get(30, TimeUnit.SECONDS);
    }

    private static String describe(Throwable error) {
        String text = error.getClass().getName() + ": " + error.getMessage();
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @PreDestroy
    void close() throws Exception {
        producerMeters.close();
        producer.close();
    }
}

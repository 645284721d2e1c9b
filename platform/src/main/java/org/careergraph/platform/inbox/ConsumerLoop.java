package org.careergraph.platform.inbox;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.careergraph.platform.kafka.KafkaClientMeters;
import org.careergraph.platform.kafka.KafkaSettings;
import org.careergraph.platform.kafka.TopicSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's one poll loop ({@link EventConsumer}, {@link DeadLetterInbox}): a daemon thread subscribes as a
 * consumer group, hands each batch over and commits its offsets only once the batch was handled; on any failure
 * (broker gone, database down) it starts over from the last committed offsets. A graceful stop lets the batch in hand
 * finish and be committed (a poll returns within 500 ms) and closes the consumer, so that the group rebalances at
 * once; {@link #stop()} is the hard stop.
 */
final class ConsumerLoop {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerLoop.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RESTART_PAUSE = Duration.ofSeconds(1);
    /** Few records per poll: a batch (of poison records retried with backoff, of large dead letters) stays short. */
    private static final int MAX_POLL_RECORDS = 50;

    /** What to do with one polled batch; returns only when its offsets may be committed. */
    @FunctionalInterface
    interface Batch {
        void handle(ConsumerRecords<String, byte[]> records) throws Exception;
    }

    private final String description;
    private final String clientName;
    private final String group;
    private final Collection<String> topics;
    private final KafkaSettings settings;
    private final TopicSetup topicSetup;
    private final KafkaClientMeters meters;
    private final Batch batch;
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();

    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    /**
     * @param description what the loop does, for its thread's name and its log ("event consumer")
     * @param clientName  the Kafka client id's suffix
     */
    ConsumerLoop(String description, String clientName, String group, Collection<String> topics,
                 KafkaSettings settings, TopicSetup topicSetup, KafkaClientMeters meters, Batch batch) {
        this.description = description;
        this.clientName = clientName;
        this.group = group;
        this.topics = List.copyOf(topics);
        this.settings = settings;
        this.topicSetup = topicSetup;
        this.meters = meters;
        this.batch = batch;
    }

    synchronized void start() {
        running = true;
        thread = new Thread(this::run, description.replace(' ', '-') + "-" + group);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            consume();
        } finally {
            stopped.complete(null);
        }
    }

    private void consume() {
        // Subscribing to topics that do not exist yet works, but fills a fresh installation's log with warnings.
        topicSetup.ensureTopicsOnce();
        while (running) {
            try (KafkaConsumer<String, byte[]> kafka = newConsumer(); AutoCloseable kafkaMeters = meters.bind(kafka)) {
                consumer = kafka;
                kafka.subscribe(topics);
                LOG.info("{}: consuming {} as group {}", description, topics, group);
                while (running) {
                    ConsumerRecords<String, byte[]> records = kafka.poll(POLL);
                    if (records.isEmpty()) {
                        continue;
                    }
                    batch.handle(records);
                    Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                    for (ConsumerRecord<String, byte[]> record : records) {
                        done.put(new TopicPartition(record.topic(), record.partition()),
                                new OffsetAndMetadata(record.offset() + 1));
                    }
                    kafka.commitSync(done);
                }
            } catch (WakeupException e) {
                // stop() woke the consumer up
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.error("{} of group {} failed; restarting from the last committed offsets", description, group, e);
                pause(RESTART_PAUSE);
            } finally {
                consumer = null;
            }
        }
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        Map<String, Object> props = settings.clientProperties(clientName);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops polling after the batch in hand; completes when the consumer is closed. */
    synchronized CompletionStage<?> stopGracefully() {
        running = false;
        if (thread == null) {
            return CompletableFuture.completedFuture(null);
        }
        LOG.info("Graceful shutdown: {} of group {} stops polling", description, group);
        return stopped;
    }

    /** Wakes the consumer up and waits for the thread (at most 30 s). */
    void stop() throws InterruptedException {
        Thread current;
        synchronized (this) {
            running = false;
            current = thread;
        }
        KafkaConsumer<String, byte[]> polling = consumer;
        if (polling != null) {
            polling.wakeup();
        }
        if (current != null) {
            current.join(Duration.ofSeconds(30));
        }
    }
}

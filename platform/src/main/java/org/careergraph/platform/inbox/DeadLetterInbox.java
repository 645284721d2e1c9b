package org.careergraph.platform.inbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
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
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.careergraph.events.Topics;
import org.careergraph.platform.kafka.KafkaClientMeters;
import org.careergraph.platform.kafka.KafkaSettings;
import org.careergraph.platform.kafka.TopicSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the dead letters of this service's consumer group in its database ({@code dead_letter}), so that an admin
 * can read, replay and discard them ({@link DeadLetterController}).
 *
 * <p>It reads the dead-letter twins of the topics {@link EventConsumer} consumes, as consumer group
 * {@code <group>-dead-letters}, and keeps the records whose {@code careergraph-dlt-consumer-group} header names this
 * service's group (other services dead-letter to the same topics). The dead-letter topic is the durable record: the
 * consumer writes there only, and a database that is down when a record is dead-lettered loses nothing, because
 * this inbox commits its offsets only after the rows are written and starts over from them on any failure. A row is
 * unique by its place on the dead-letter topic, so a record read twice is kept once.
 */
@Singleton
@Requires(bean = EventConsumer.class)
class DeadLetterInbox implements ApplicationEventListener<StartupEvent>, GracefulShutdownCapable {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterInbox.class);
    static final String GROUP_SUFFIX = "-dead-letters";

    private final KafkaSettings settings;
    private final TopicSetup topicSetup;
    private final String group;
    private final List<String> topics;
    private final TransactionOperations<Connection> transactions;
    private final DeadLetterStore store;
    private final Clock clock;
    private final KafkaClientMeters meters;
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();

    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    DeadLetterInbox(EventConsumer events, KafkaSettings settings, TopicSetup topicSetup,
                    TransactionOperations<Connection> transactions, DeadLetterStore store, Clock clock,
                    KafkaClientMeters meters) {
        this.settings = settings;
        this.topicSetup = topicSetup;
        this.group = events.group();
        this.topics = events.topics().stream().map(Topics::deadLetter).toList();
        this.transactions = transactions;
        this.store = store;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "dead-letter-inbox-" + group);
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
        topicSetup.ensureTopicsOnce();
        while (running) {
            try (KafkaConsumer<String, byte[]> kafka = newConsumer(); AutoCloseable kafkaMeters = meters.bind(kafka)) {
                consumer = kafka;
                kafka.subscribe(topics);
                LOG.info("Keeping the dead letters of group {} from {}", group, topics);
                while (running) {
                    ConsumerRecords<String, byte[]> records = kafka.poll(Duration.ofMillis(500));
                    if (records.isEmpty()) {
                        continue;
                    }
                    keep(records);
                    Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                    for (ConsumerRecord<String, byte[]> record : records) {
                        done.put(new TopicPartition(record.topic(), record.partition()),
                                new OffsetAndMetadata(record.offset() + 1));
                    }
                    kafka.commitSync(done);
                }
            } catch (WakeupException e) {
                // stop() woke the consumer up
            } catch (Exception e) {
                // Database down, broker gone...: nothing was committed past what is stored; start over from there.
                LOG.error("Dead-letter inbox failed; restarting from the last committed offsets", e);
                pause(Duration.ofSeconds(1));
            } finally {
                consumer = null;
            }
        }
    }

    /** Stores this group's records of the batch in one transaction. */
    void keep(Iterable<ConsumerRecord<String, byte[]>> records) {
        List<ConsumerRecord<String, byte[]>> ours = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (isOurs(record)) {
                ours.add(record);
            }
        }
        if (ours.isEmpty()) {
            return;
        }
        transactions.executeWrite(status -> {
            for (ConsumerRecord<String, byte[]> record : ours) {
                try {
                    store.add(status.getConnection(), record, clock.instant());
                } catch (SQLException e) {
                    throw new IllegalStateException("could not keep dead letter " + record.topic() + "-"
                            + record.partition() + "@" + record.offset(), e);
                }
                LOG.info("Kept dead letter {}-{}@{}", record.topic(), record.partition(), record.offset());
            }
            return null;
        });
    }

    private boolean isOurs(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(DeadLetters.CONSUMER_GROUP);
        return header != null && header.value() != null && group.equals(text(header));
    }

    private static String text(Header header) {
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        Map<String, Object> props = settings.clientProperties("dead-letter-inbox");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group + GROUP_SUFFIX);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // A dead letter is kept up to 1 MiB of value: a few per poll keep a batch's transaction small.
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50);
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public CompletionStage<?> shutdownGracefully() {
        running = false;
        return thread == null ? CompletableFuture.completedFuture(null) : stopped;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(Duration.ofSeconds(30));
        }
    }
}

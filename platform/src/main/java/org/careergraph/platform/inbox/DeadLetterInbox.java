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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
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

    private final String group;
    private final TransactionOperations<Connection> transactions;
    private final DeadLetterStore store;
    private final Clock clock;
    private final ConsumerLoop loop;

    DeadLetterInbox(EventConsumer events, KafkaSettings settings, TopicSetup topicSetup,
                    TransactionOperations<Connection> transactions, DeadLetterStore store, Clock clock,
                    KafkaClientMeters meters) {
        this.group = events.group();
        this.transactions = transactions;
        this.store = store;
        this.clock = clock;
        this.loop = new ConsumerLoop("dead-letter inbox", "dead-letter-inbox", group + GROUP_SUFFIX,
                events.topics().stream().map(Topics::deadLetter).toList(), settings, topicSetup, meters, this::keep);
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        loop.start();
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

    @Override
    public CompletionStage<?> shutdownGracefully() {
        return loop.stopGracefully();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        loop.stop();
    }
}

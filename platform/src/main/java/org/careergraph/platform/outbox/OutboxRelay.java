package org.careergraph.platform.outbox;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.careergraph.platform.kafka.KafkaClientMeters;
import org.careergraph.platform.kafka.KafkaSettings;
import org.careergraph.platform.poll.WakeableJob;
import org.careergraph.platform.tracing.TraceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes outbox rows to Kafka as CloudEvents (binary mode) in the order they were written, then marks them sent.
 *
 * <p>One relay per service publishes at a time: it holds a MySQL named lock (GET_LOCK) on its own connection, which is
 * not a transaction, so no Kafka call ever runs inside a database transaction. A crash between publishing and marking
 * publishes the row again later; consumers drop the duplicate by its CloudEvents id.
 */
@Singleton
@Requires(property = "careergraph.outbox.relay.enabled", notEquals = "false")
public class OutboxRelay {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH_SIZE = 200;

    private final DataSource dataSource;
    private final Producer<String, CloudEvent> producer;
    private final URI source;
    private final String lockName;
    private final Duration retention;
    private final AutoCloseable producerMeters;
    private final WakeableJob job = new WakeableJob("outbox-relay", this::relay);

    OutboxRelay(DataSource dataSource, DataSourceResolver resolver, KafkaSettings settings, KafkaClientMeters meters,
                @Value("${careergraph.outbox.retention:7d}") Duration retention) {
        this.retention = retention;
        this.dataSource = resolver.resolve(dataSource);
        this.source = URI.create("/careergraph/" + settings.serviceName());
        this.lockName = "careergraph-outbox-relay-" + settings.serviceName();
        Map<String, Object> props = settings.clientProperties("outbox-relay");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new CloudEventSerializer());
        this.producerMeters = meters.bind(producer);
    }

    /** Polls; {@link #written} runs it at once after each commit that added rows. */
    @Scheduled(fixedDelay = "${careergraph.outbox.poll-interval:100ms}",
            initialDelay = "${careergraph.outbox.initial-delay:1s}")
    void poll() {
        job.run();
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void written(OutboxWritten rows) {
        job.wake();
    }

    private void relay() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (!tryLock(connection)) {
                return;
            }
            try {
                while (publishBatch(connection) == BATCH_SIZE) {
                    // a full batch: more may be waiting
                }
            } finally {
                unlock(connection);
            }
        } catch (Exception e) {
            LOG.warn("Outbox relay run failed; retrying on the next run: {}", e.toString());
        }
    }

    /**
     * Publishes up to one batch of unsent rows and marks sent the ones acknowledged before the first failure, so
     * that a failed row is retried before anything written after it; returns how many were sent.
     */
    private int publishBatch(Connection connection) throws SQLException, InterruptedException {
        List<Row> rows = readUnsent(connection);
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            acks.add(producer.send(new ProducerRecord<>(row.topic, row.key, row.toCloudEvent(source))));
        }
        List<Long> sent = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            try {
                acks.get(i).get();
                sent.add(rows.get(i).seq);
            } catch (ExecutionException e) {
                LOG.warn("Publishing outbox event {} failed; it and the events after it are retried on the next run: {}",
                        rows.get(i).id, e.getCause().toString());
                break;
            }
        }
        markSent(connection, sent);
        return sent.size();
    }

    private static List<Row> readUnsent(Connection connection) throws SQLException {
        String sql = "SELECT seq, id, aggregatetype, aggregateid, type, payload, created_at, traceparent, tracestate "
                + "FROM outbox_event "
                + "WHERE sent_at IS NULL ORDER BY seq LIMIT " + BATCH_SIZE;
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getTimestamp(7), rs.getString(8), rs.getString(9)));
            }
        }
        return rows;
    }

    private static void markSent(Connection connection, List<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        String in = seqs.stream().map(String::valueOf).collect(Collectors.joining(","));
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE outbox_event SET sent_at = CURRENT_TIMESTAMP(3) WHERE seq IN (" + in + ")")) {
            statement.executeUpdate();
        }
    }

    private boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, 0)")) {
            statement.setString(1, lockName);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }
    }

    private void unlock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            statement.setString(1, lockName);
            statement.executeQuery().close();
        }
    }

    /** Sent rows are kept a while for inspection, then deleted in small steps. */
    @Scheduled(fixedDelay = "10m", initialDelay = "1m")
    void deleteSentRows() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     // On the database's clock, which wrote sent_at.
                     "DELETE FROM outbox_event WHERE sent_at < CURRENT_TIMESTAMP(3) - INTERVAL ? SECOND LIMIT 10000")) {
            connection.setAutoCommit(true);
            statement.setLong(1, retention.toSeconds());
            statement.executeUpdate();
        } catch (SQLException e) {
            LOG.warn("Deleting sent outbox rows failed: {}", e.toString());
        }
    }

    @PreDestroy
    void close() throws Exception {
        job.close();
        producerMeters.close();
        producer.close();
    }

    private record Row(long seq, String id, String topic, String key, String type, String payload, Timestamp createdAt,
                       String traceparent, String tracestate) {

        CloudEvent toCloudEvent(URI source) {
            CloudEventBuilder event = CloudEventBuilder.v1();
            // The CloudEvents distributed-tracing extension: ce_traceparent / ce_tracestate headers in binary mode.
            if (traceparent != null) {
                event.withExtension(TraceContext.TRACEPARENT, traceparent);
                if (tracestate != null) {
                    event.withExtension(TraceContext.TRACESTATE, tracestate);
                }
            }
            return event
                    .withId(id)
                    .withType(type)
                    .withSource(source)
                    .withSubject(key)
                    .withTime(createdAt.toInstant().atOffset(ZoneOffset.UTC))
                    .withDataContentType("application/json")
                    .withData(payload.getBytes(StandardCharsets.UTF_8))
                    .build();
        }
    }
}

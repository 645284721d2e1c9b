package org.careergraph.deploy.local;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.careergraph.testsupport.bench.Latencies;

/**
 * What the system's broker and database do alone, as the baselines of the event pipeline's figures: the broker
 * taking records from a producer set up as the services' outbox relay sets its own (idempotent, acks=all, up to 5
 * requests in flight), how long such a record takes to reach a consumer that reads as the services read
 * (read_committed), and the database committing one row per transaction.
 */
final class RawRates {

    /** As many partitions as the services' topics. */
    private static final int PARTITIONS = 3;

    private RawRates() {
    }

    /** One unit of work of a loop: a send acknowledged, a row committed. */
    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    /**
     * Records acknowledged a second: {@code concurrency} threads, each sending one record and waiting for its
     * acknowledgement before the next, through one shared producer (as one relay's producer is shared).
     */
    static double brokerRate(String bootstrapServers, String topic, int keyBytes, int recordBytes, int concurrency,
                             Duration warmUp, Duration measured) {
        createTopic(bootstrapServers, topic);
        try (KafkaProducer<String, byte[]> producer = producer(bootstrapServers)) {
            byte[] value = new byte[recordBytes];
            Arrays.fill(value, (byte) 'x');
            String key = "k".repeat(keyBytes);
            return steadyRate(concurrency, warmUp, measured, () -> producer.send(
                    new ProducerRecord<>(topic, key + Thread.currentThread().threadId(), value)).get());
        }
    }

    /**
     * One-row commits a second: {@code concurrency} threads, each on its own connection, inserting one row of
     * {@code rowBytes} of text per transaction (autocommit) into a table of its own.
     */
    static double databaseRate(String jdbcUrl, String user, String password, int rowBytes, int concurrency,
                               Duration warmUp, Duration measured) throws Exception {
        try (Connection setup = DriverManager.getConnection(jdbcUrl, user, password);
             Statement statement = setup.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS raw_commit (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, "
                    + "payload MEDIUMTEXT NOT NULL, created_at DATETIME(3) NOT NULL)");
        }
        String payload = "x".repeat(rowBytes);
        List<Connection> connections = new ArrayList<>();
        ThreadLocal<PreparedStatement> insert = new ThreadLocal<>();
        try {
            return steadyRate(concurrency, warmUp, measured, () -> {
                PreparedStatement statement = insert.get();
                if (statement == null) {
                    Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                    synchronized (connections) {
                        connections.add(connection);
                    }
                    statement = connection.prepareStatement(
                            "INSERT INTO raw_commit (payload, created_at) VALUES (?, CURRENT_TIMESTAMP(3))");
                    insert.set(statement);
                }
                statement.setString(1, payload);
                statement.executeUpdate();
            });
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    /**
     * From a send to the record's arrival at a consumer, one record at a time ({@code count} of them, after
     * {@code warmUp} uncounted), on the same producer and consumer settings as the services'.
     */
    static Latencies brokerEndToEnd(String bootstrapServers, String topic, int recordBytes, int warmUp, int count)
            throws Exception {
        createTopic(bootstrapServers, topic);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Latencies latencies = new Latencies();
        try (KafkaProducer<String, byte[]> producer = producer(bootstrapServers);
             KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                     new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                partitions.add(new TopicPartition(topic, p));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolves the end now, before the first record is sent
            byte[] value = new byte[recordBytes];
            for (int i = 0; i < warmUp + count; i++) {
                String key = "record-" + i;
                long sentAt = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, key, value));
                long receivedAt = receive(consumer, key);
                if (i >= warmUp) {
                    latencies.add(receivedAt - sentAt);
                }
            }
        }
        return latencies;
    }

    private static long receive(KafkaConsumer<String, byte[]> consumer, String key) throws TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.key().equals(key)) {
                    return System.nanoTime();
                }
            }
        }
        throw new TimeoutException("Record " + key + " did not arrive within 30 s");
    }

    /** Runs {@code step} on {@code threads} threads back to back; answers the steps a second after the warm-up. */
    private static double steadyRate(int threads, Duration warmUp, Duration measured, Step step) {
        long measureFrom = System.nanoTime() + warmUp.toNanos();
        long measureUntil = measureFrom + measured.toNanos();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Long>> counts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                counts.add(pool.submit(() -> {
                    long counted = 0;
                    while (true) {
                        long startedAt = System.nanoTime();
                        if (startedAt >= measureUntil) {
                            return counted;
                        }
                        step.run();
                        if (startedAt >= measureFrom && System.nanoTime() <= measureUntil) {
                            counted++;
                        }
                    }
                }));
            }
            long total = 0;
            for (Future<Long> count : counts) {
                total += count.get();
            }
            return total / (measured.toNanos() / 1e9);
        } catch (ExecutionException e) {
            throw new IllegalStateException("A raw-rate step failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    private static void createTopic(String bootstrapServers, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create topic " + topic, e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Cannot create topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package org.careergraph.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka (KRaft, broker and controller in one) running inside this JVM.
 *
 * <p>The data directory is formatted only once, so topics and records survive a restart on the same directory.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    /** Broker-side loggers; the app's own Kafka clients (org.apache.kafka.clients) keep their level. */
    private static final String[] BROKER_LOGGERS = {
        "kafka", "state.change.logger", "org.apache.kafka.server", "org.apache.kafka.raft",
        "org.apache.kafka.controller", "org.apache.kafka.metadata", "org.apache.kafka.image",
        "org.apache.kafka.storage", "org.apache.kafka.coordinator", "org.apache.kafka.queue",
        "org.apache.kafka.snapshot", "org.apache.kafka.network", "org.apache.kafka.security",
        "org.apache.kafka.common.config.AbstractConfig", "org.apache.kafka.common.utils.AppInfoParser",
        "org.apache.kafka.common.metrics", "org.apache.kafka.common.network"
    };

    private final KafkaRaftServer server;
    private final Path dataDir;
    private final int port;
    private boolean closed;

    private EmbeddedKafka(KafkaRaftServer server, Path dataDir, int port) {
        this.server = server;
        this.dataDir = dataDir;
        this.port = port;
    }

    /**
     * Starts a broker and blocks until it answers a describeCluster.
     *
     * @param dataDir log directory; formatted on first use, reused afterwards
     * @param port    client port on localhost, 0 for a free one (the controller port is always a free one)
     */
    public static EmbeddedKafka start(Path dataDir, int port) {
        QuietLogging.warnUnlessConfigured(BROKER_LOGGERS);
        long started = System.nanoTime();
        Path dir = dataDir.toAbsolutePath();
        int brokerPort = port == 0 ? FreePorts.pick() : port;
        int controllerPort = FreePorts.pick();
        Map<String, Object> props = brokerProperties(dir, brokerPort, controllerPort);

        formatIfNeeded(dir);

        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        EmbeddedKafka kafka = new EmbeddedKafka(server, dir, brokerPort);
        try {
            server.startup();
            kafka.awaitReady();
        } catch (RuntimeException e) {
            try {
                kafka.close();
            } catch (RuntimeException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
        LOG.info("Embedded Kafka ready at {} in {} ms (data {})", kafka.bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), dir);
        return kafka;
    }

    static Map<String, Object> brokerProperties(Path dir, int brokerPort, int controllerPort) {
        Map<String, Object> p = new HashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        // Static quorum: the controller port may change between restarts without touching the stored metadata.
        p.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        p.put("listeners", "PLAINTEXT://localhost:" + brokerPort + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dir.toString());
        // One node: every replication factor and min.isr must be 1 or internal topics never get created.
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Topics are created explicitly, as in production.
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "3");
        // Internal topics default to 50 partitions; 1 makes the first consumer group join ~1 s faster on 2 cores.
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.num.partitions", "1");
        return p;
    }

    /** Same as {@code kafka-storage format}, but only when meta.properties is absent, so data survives restarts. */
    private static void formatIfNeeded(Path dir) {
        if (Files.exists(dir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(dir);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(dir.toString())
                    .addDirectory(dir.toString())
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create Kafka data directory " + dir, e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka data directory " + dir, e);
        }
    }

    /** startup() returns before the broker serves clients: wait until an admin client gets an answer. */
    private void awaitReady() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Exception last = null;
        try (Admin admin = Admin.create(props)) {
            while (System.nanoTime() < deadline) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for embedded Kafka", e);
                } catch (Exception e) {
                    last = e; // not ready yet: the admin client itself backs off between attempts
                }
            }
        }
        throw new IllegalStateException("Embedded Kafka at " + bootstrapServers() + " (data " + dataDir
                + ") did not answer within " + READY_TIMEOUT.toSeconds() + " s", last);
    }

    /** {@code localhost:PORT}. */
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Shuts the broker down and waits until it has stopped (its data directory can then be reused). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
        LOG.info("Embedded Kafka at {} stopped", bootstrapServers());
    }
}

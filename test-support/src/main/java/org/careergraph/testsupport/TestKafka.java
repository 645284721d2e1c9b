package org.careergraph.testsupport;

import static org.careergraph.testsupport.Server.took;

import java.nio.file.Path;

import org.careergraph.embedded.EmbeddedKafka;
import org.careergraph.testsupport.InfraChoice.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** The test Kafka broker: chosen by {@link InfraChoice}, started once per JVM on first use; a failure is remembered. */
final class TestKafka {

    static final String IMAGE = "apache/kafka:4.1.0";

    private static final Logger LOG = LoggerFactory.getLogger(TestKafka.class);
    private static final Object LOCK = new Object();
    // volatile: describe() reads them without the lock.
    private static volatile Server<String> kafka;
    private static volatile RuntimeException failure;

    private TestKafka() {
    }

    /** The started broker's bootstrap servers, started here on first call. */
    static String bootstrapServers() {
        synchronized (LOCK) {
            if (kafka == null) {
                if (failure != null) {
                    throw new IllegalStateException("Test Kafka failed to start earlier in this JVM", failure);
                }
                try {
                    kafka = TestScratch.stopAtExit(start(InfraChoice.kafkaSource(System::getenv, TestScratch::dockerAvailable)));
                    LOG.info("Test Kafka: {}", kafka.description());
                } catch (RuntimeException e) {
                    failure = e;
                    throw e;
                }
            }
            return kafka.endpoint();
        }
    }

    static String describe() {
        return Server.state(kafka, failure);
    }

    private static Server<String> start(Source source) {
        long started = System.nanoTime();
        switch (source) {
            case ENVIRONMENT -> {
                String bootstrap = InfraChoice.kafkaBootstrap(System::getenv);
                return new Server<>(bootstrap, "external at " + bootstrap + " (" + InfraChoice.KAFKA_ENV + ")", null);
            }
            case TESTCONTAINERS -> {
                @SuppressWarnings("resource") // stopped by the shutdown hook
                KafkaContainer container = new KafkaContainer(DockerImageName.parse(IMAGE))
                        // Same broker behaviour as the embedded one and production: explicit topics, 3 partitions.
                        .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                        .withEnv("KAFKA_NUM_PARTITIONS", "3")
                        .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
                TestScratch.addShutdownHook();
                container.start();
                return new Server<>(container.getBootstrapServers(), "Testcontainers " + IMAGE + " at "
                        + container.getBootstrapServers() + took(started), container::stop);
            }
            default -> {
                Path dir = TestScratch.embeddedDir().resolve("kafka");
                TestScratch.addShutdownHook();
                EmbeddedKafka embedded = EmbeddedKafka.start(dir, 0);
                return new Server<>(embedded.bootstrapServers(), "embedded KRaft at " + embedded.bootstrapServers()
                        + took(started), embedded);
            }
        }
    }
}

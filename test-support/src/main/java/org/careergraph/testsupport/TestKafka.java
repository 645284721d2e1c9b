package org.careergraph.testsupport;

import static org.careergraph.testsupport.Server.took;

import java.nio.file.Path;

import org.careergraph.embedded.EmbeddedKafka;
import org.careergraph.testsupport.InfraChoice.Source;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** The test Kafka broker: chosen by {@link InfraChoice}, started once per JVM on first use; a failure is remembered. */
final class TestKafka {

    static final String IMAGE = "apache/kafka:4.1.0";

    private static final StartOnce<String> KAFKA = new StartOnce<>("Test Kafka",
            () -> start(InfraChoice.kafkaSource(System::getenv, TestScratch::dockerAvailable)));

    private TestKafka() {
    }

    /** The started broker's bootstrap servers, started here on first call. */
    static String bootstrapServers() {
        return KAFKA.endpoint();
    }

    static String describe() {
        return KAFKA.describe();
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

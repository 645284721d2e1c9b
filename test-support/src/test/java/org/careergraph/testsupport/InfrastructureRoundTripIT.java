package org.careergraph.testsupport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** On a machine without Docker and without TEST_* variables this runs against the embedded servers. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InfrastructureRoundTripIT {

    @Test
    @Order(1) // first, as in a service test: it starts both servers (in parallel)
    void servicePropertiesPointAtAWorkingBrokerAndDatabase() throws Exception {
        Map<String, String> props = TestInfrastructure.serviceProperties("it");

        assertEquals(Set.of("micronaut.server.port", "careergraph.kafka.bootstrap-servers", "careergraph.security.jwt-secret", "datasources.default.url", "datasources.default.username",
                "datasources.default.password", "datasources.default.driver-class-name", "datasources.default.dialect"),
                props.keySet());
        assertTrue(props.get("datasources.default.url").matches("jdbc:mysql://[^/]+/it_[a-z0-9]{8}\\?.*"),
                props.get("datasources.default.url"));
        System.out.println(TestInfrastructure.describe());
        if (System.getenv("TEST_KAFKA_BOOTSTRAP") == null && System.getenv("TEST_DB_URL") == null) {
            assertTrue(TestInfrastructure.describe().contains("embedded KRaft")
                    || TestInfrastructure.describe().contains("Testcontainers"), TestInfrastructure.describe());
        }

        try (Connection c = DriverManager.getConnection(props.get("datasources.default.url"),
                props.get("datasources.default.username"), props.get("datasources.default.password"));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE occupation (id VARCHAR(64) PRIMARY KEY, title VARCHAR(200) NOT NULL)");
            s.execute("INSERT INTO occupation VALUES ('" + TestInfrastructure.uniqueId("nurse") + "', 'Infirmière')");
            try (ResultSet rs = s.executeQuery("SELECT title FROM occupation")) {
                assertTrue(rs.next());
                assertEquals("Infirmière", rs.getString(1));
            }
        }
    }

    @Test
    void kafkaRoundTrip() throws Exception {
        String bootstrap = TestInfrastructure.kafkaBootstrapServers();
        String topic = TestInfrastructure.uniqueId("round-trip");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(Set.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(topic, "k", "hello")).get();
        }

        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
                return !values.isEmpty();
            });
        }
        assertEquals(List.of("hello"), values);
    }

    @Test
    void jdbcUrlCreatesTheDatabaseAndUniqueIdsDiffer() throws Exception {
        String url = TestInfrastructure.jdbcUrl("it_plain");
        try (Connection c = DriverManager.getConnection(url, TestInfrastructure.dbUsername(), TestInfrastructure.dbPassword());
             ResultSet rs = c.createStatement().executeQuery("SELECT DATABASE()")) {
            assertTrue(rs.next());
            assertEquals("it_plain", rs.getString(1));
        }
        assertTrue(TestInfrastructure.uniqueId("occ").matches("occ-[a-z0-9]{8}"));
        assertTrue(!TestInfrastructure.uniqueId("occ").equals(TestInfrastructure.uniqueId("occ")));
    }
}

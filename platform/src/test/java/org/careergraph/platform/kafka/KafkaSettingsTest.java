package org.careergraph.platform.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The client properties every Kafka client starts from, with and without broker authentication. No broker needed. */
class KafkaSettingsTest {

    private static final String PASSWORD = "pa\"ss\\word;=";

    @Test
    void withoutAuthenticationTheClientsUsePlaintextAndNoSasl() {
        KafkaSettings settings = new KafkaSettings("broker:9092", "catalog-service", true, 3, (short) 1,
                KafkaSettings.Auth.NONE);
        Map<String, Object> props = settings.clientProperties("consumer");
        assertEquals(Map.of("bootstrap.servers", "broker:9092", "client.id", "catalog-service-consumer",
                "security.protocol", "PLAINTEXT"), props);
    }

    @Test
    void theDefaultsOfCareergraphPlatformYmlMeanNoAuthentication() {
        try (ApplicationContext context = environmentOnly(Map.of("micronaut.application.name", "test-service"))) {
            Map<String, Object> props = fromConfiguration(context).clientProperties("health");
            assertEquals("PLAINTEXT", props.get("security.protocol"));
            assertFalse(props.containsKey(SaslConfigs.SASL_MECHANISM));
            assertFalse(props.containsKey(SaslConfigs.SASL_JAAS_CONFIG));
            assertFalse(props.containsKey("ssl.truststore.type"));
            assertFalse(props.containsKey("ssl.truststore.location"));
        }
    }

    @Test
    void withScramOverTlsTheClientsLogInAndTrustTheClusterCa() throws Exception {
        try (ApplicationContext context = environmentOnly(Map.of(
                "micronaut.application.name", "scoring-service",
                "careergraph.kafka.bootstrap-servers", "careergraph-kafka-bootstrap:9093",
                "careergraph.kafka.security-protocol", "SASL_SSL",
                "careergraph.kafka.sasl.mechanism", "SCRAM-SHA-512",
                "careergraph.kafka.sasl.username", "scoring-service",
                "careergraph.kafka.sasl.password", PASSWORD,
                "careergraph.kafka.ssl.truststore-type", "PEM",
                "careergraph.kafka.ssl.truststore-location", "/etc/kafka-ca/ca.crt"))) {
            KafkaSettings settings = fromConfiguration(context);
            Map<String, Object> props = settings.clientProperties("outbox-relay");
            assertEquals("SASL_SSL", props.get("security.protocol"));
            assertEquals("SCRAM-SHA-512", props.get("sasl.mechanism"));
            assertEquals("PEM", props.get("ssl.truststore.type"));
            assertEquals("/etc/kafka-ca/ca.crt", props.get("ssl.truststore.location"));
            String jaas = (String) props.get("sasl.jaas.config");
            assertTrue(jaas.startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required "), jaas);

            // Kafka's own JAAS parser reads back exactly the username and the password, quotes and backslashes too.
            var entry = JaasContext.loadClientContext(Map.of(SaslConfigs.SASL_JAAS_CONFIG, new Password(jaas)))
                    .configurationEntries().get(0);
            assertEquals("org.apache.kafka.common.security.scram.ScramLoginModule", entry.getLoginModuleName());
            assertEquals("scoring-service", entry.getOptions().get("username"));
            assertEquals(PASSWORD, entry.getOptions().get("password"));

            // Every kind of client accepts the properties, and their config logging hides the JAAS line.
            Map<String, Object> producerProps = new java.util.HashMap<>(props);
            producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            ProducerConfig producer = new ProducerConfig(producerProps);
            assertEquals("[hidden]", producer.values().get(SaslConfigs.SASL_JAAS_CONFIG).toString());
            assertFalse(producer.values().toString().contains(PASSWORD));
            Map<String, Object> consumerProps = new java.util.HashMap<>(props);
            consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            assertEquals("[hidden]",
                    new ConsumerConfig(consumerProps).values().get(SaslConfigs.SASL_JAAS_CONFIG).toString());
            assertEquals("[hidden]", new AdminClientConfig(props).values().get(SaslConfigs.SASL_JAAS_CONFIG).toString());

            assertFalse(settings.auth().toString().contains(PASSWORD), settings.auth().toString());
        }
    }

    @Test
    void aUsernameAloneMeansScramSha512AndPlainUsesThePlainLoginModule() {
        Map<String, Object> scram = new KafkaSettings("b:9092", "s", true, 3, (short) 1,
                new KafkaSettings.Auth("SASL_SSL", "", "user", "secret", "", "")).clientProperties("x");
        assertEquals("SCRAM-SHA-512", scram.get("sasl.mechanism"));
        assertEquals("org.apache.kafka.common.security.scram.ScramLoginModule required username=\"user\" "
                + "password=\"secret\";", scram.get("sasl.jaas.config"));
        Map<String, Object> plain = new KafkaSettings("b:9092", "s", true, 3, (short) 1,
                new KafkaSettings.Auth("sasl_plaintext", "PLAIN", "user", "secret", "", "")).clientProperties("x");
        assertEquals("SASL_PLAINTEXT", plain.get("security.protocol"));
        assertTrue(((String) plain.get("sasl.jaas.config"))
                .startsWith("org.apache.kafka.common.security.plain.PlainLoginModule required"));
    }

    @Test
    void aUsernameWithoutASaslProtocolOrAPasswordWithoutAUsernameIsRefused() {
        IllegalArgumentException noSasl = assertThrows(IllegalArgumentException.class,
                () -> new KafkaSettings.Auth("PLAINTEXT", "", "user", PASSWORD, "", ""));
        assertTrue(noSasl.getMessage().contains("KAFKA_SECURITY_PROTOCOL"));
        assertFalse(noSasl.getMessage().contains(PASSWORD));
        assertThrows(IllegalArgumentException.class,
                () -> new KafkaSettings.Auth("SASL_SSL", "", "", PASSWORD, "", ""));
    }

    /** The configuration a service sees (careergraph-platform.yml below the given properties), without starting it. */
    private static ApplicationContext environmentOnly(Map<String, Object> properties) {
        ApplicationContext context = ApplicationContext.builder().properties(properties).build();
        context.getEnvironment().start();
        return context;
    }

    /** KafkaSettings as the bean gets it: the expressions of its constructor's @Value annotations. */
    private static KafkaSettings fromConfiguration(ApplicationContext context) {
        var resolver = context.getEnvironment().getPlaceholderResolver();
        java.util.function.Function<String, String> value = expression ->
                resolver.resolveRequiredPlaceholders("${" + expression + "}");
        return new KafkaSettings(value.apply("careergraph.kafka.bootstrap-servers"),
                value.apply("micronaut.application.name"),
                Boolean.parseBoolean(value.apply("careergraph.kafka.create-topics:true")),
                Integer.parseInt(value.apply("careergraph.kafka.partitions:3")),
                Short.parseShort(value.apply("careergraph.kafka.replication-factor:1")),
                value.apply("careergraph.kafka.security-protocol:PLAINTEXT"),
                value.apply("careergraph.kafka.sasl.mechanism:"),
                value.apply("careergraph.kafka.sasl.username:"),
                value.apply("careergraph.kafka.sasl.password:"),
                value.apply("careergraph.kafka.ssl.truststore-type:"),
                value.apply("careergraph.kafka.ssl.truststore-location:"));
    }
}

package org.careergraph.platform.kafka;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

/**
 * Where the broker is, how this service authenticates to it and how its topics are set up (careergraph.kafka.* in
 * careergraph-platform.yml). Every Kafka client of the platform starts from {@link #clientProperties(String)}.
 *
 * <p>Authentication is off by default (PLAINTEXT, no SASL). With a SASL username set, the client logs in with
 * {@code sasl.mechanism} (SCRAM-SHA-512 unless set; PLAIN uses the plain login module) and the JAAS line built here;
 * Kafka's own config logging prints {@code sasl.jaas.config} as {@code [hidden]}, and nothing here logs it.
 */
@Singleton
public class KafkaSettings {

    static final String DEFAULT_SASL_MECHANISM = "SCRAM-SHA-512";

    private final String bootstrapServers;
    private final String serviceName;
    private final boolean createTopics;
    private final int partitions;
    private final short replicationFactor;
    private final Auth auth;

    /** How a client authenticates to the broker; blank values are not set. */
    public record Auth(String securityProtocol, String saslMechanism, String saslUsername, String saslPassword,
                       String truststoreType, String truststoreLocation) {

        /** PLAINTEXT, no SASL, no truststore: Kafka's defaults. */
        public static final Auth NONE = new Auth("PLAINTEXT", "", "", "", "", "");

        public Auth {
            securityProtocol = blankToEmpty(securityProtocol).toUpperCase(Locale.ROOT);
            if (securityProtocol.isEmpty()) {
                securityProtocol = "PLAINTEXT";
            }
            saslMechanism = blankToEmpty(saslMechanism);
            saslUsername = blankToEmpty(saslUsername);
            saslPassword = saslPassword == null ? "" : saslPassword;
            truststoreType = blankToEmpty(truststoreType);
            truststoreLocation = blankToEmpty(truststoreLocation);
            if (!saslUsername.isEmpty() && !securityProtocol.startsWith("SASL_")) {
                throw new IllegalArgumentException("careergraph.kafka.sasl.username (KAFKA_SASL_USERNAME) is set but "
                        + "careergraph.kafka.security-protocol (KAFKA_SECURITY_PROTOCOL) is " + securityProtocol
                        + ": use SASL_SSL (or SASL_PLAINTEXT)");
            }
            if (saslUsername.isEmpty() && !saslPassword.isEmpty()) {
                throw new IllegalArgumentException("careergraph.kafka.sasl.password (KAFKA_SASL_PASSWORD) is set "
                        + "without careergraph.kafka.sasl.username (KAFKA_SASL_USERNAME)");
            }
        }

        @Override
        public String toString() {
            // Never the password: this record may end up in a log line or an exception message.
            return "Auth[securityProtocol=" + securityProtocol + ", saslMechanism=" + saslMechanism
                    + ", saslUsername=" + saslUsername + ", saslPassword=" + (saslPassword.isEmpty() ? "" : "[hidden]")
                    + ", truststoreType=" + truststoreType + ", truststoreLocation=" + truststoreLocation + "]";
        }
    }

    /** From careergraph.kafka.*, whose defaults are in careergraph-platform.yml (one place, beside their variables). */
    @Inject
    public KafkaSettings(@Value("${careergraph.kafka.bootstrap-servers}") String bootstrapServers,
                         @Value("${micronaut.application.name}") String serviceName,
                         @Value("${careergraph.kafka.create-topics}") boolean createTopics,
                         @Value("${careergraph.kafka.partitions}") int partitions,
                         @Value("${careergraph.kafka.replication-factor}") short replicationFactor,
                         @Value("${careergraph.kafka.security-protocol}") String securityProtocol,
                         @Value("${careergraph.kafka.sasl.mechanism}") String saslMechanism,
                         @Value("${careergraph.kafka.sasl.username}") String saslUsername,
                         @Value("${careergraph.kafka.sasl.password}") String saslPassword,
                         @Value("${careergraph.kafka.ssl.truststore-type}") String truststoreType,
                         @Value("${careergraph.kafka.ssl.truststore-location}") String truststoreLocation) {
        this(bootstrapServers, serviceName, createTopics, partitions, replicationFactor,
                new Auth(securityProtocol, saslMechanism, saslUsername, saslPassword, truststoreType,
                        truststoreLocation));
    }

    public KafkaSettings(String bootstrapServers, String serviceName, boolean createTopics, int partitions,
                         short replicationFactor, Auth auth) {
        this.bootstrapServers = bootstrapServers;
        this.serviceName = serviceName;
        this.createTopics = createTopics;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
        this.auth = auth;
    }

    /** Client properties every producer, consumer and admin client of this service starts from. */
    public Map<String, Object> clientProperties(String purpose) {
        Map<String, Object> props = new HashMap<>();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, serviceName + "-" + purpose);
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, auth.securityProtocol());
        String mechanism = auth.saslMechanism();
        if (mechanism.isEmpty() && !auth.saslUsername().isEmpty()) {
            mechanism = DEFAULT_SASL_MECHANISM;
        }
        if (!mechanism.isEmpty()) {
            props.put(SaslConfigs.SASL_MECHANISM, mechanism);
        }
        if (!auth.saslUsername().isEmpty()) {
            props.put(SaslConfigs.SASL_JAAS_CONFIG, jaasConfig(mechanism, auth.saslUsername(), auth.saslPassword()));
        }
        if (!auth.truststoreType().isEmpty()) {
            props.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, auth.truststoreType());
        }
        if (!auth.truststoreLocation().isEmpty()) {
            props.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, auth.truststoreLocation());
        }
        return props;
    }

    /** The JAAS line for a SCRAM (or PLAIN) login; values quoted as Kafka's JAAS parser reads them. */
    static String jaasConfig(String mechanism, String username, String password) {
        String module = "PLAIN".equalsIgnoreCase(mechanism)
                ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule";
        return module + " required username=" + quote(username) + " password=" + quote(password) + ";";
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String blankToEmpty(String value) {
        return value == null || value.isBlank() ? "" : value.strip();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The service name: the consumer group and the CloudEvents source. */
    public String serviceName() {
        return serviceName;
    }

    public boolean createTopics() {
        return createTopics;
    }

    public int partitions() {
        return partitions;
    }

    public short replicationFactor() {
        return replicationFactor;
    }

    public Auth auth() {
        return auth;
    }
}

package org.careergraph.platform.kafka;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;

/** Where the broker is and how this service's topics are set up (careergraph.kafka.* in careergraph-platform.yml). */
@Singleton
public class KafkaSettings {

    private final String bootstrapServers;
    private final String serviceName;
    private final boolean createTopics;
    private final int partitions;
    private final short replicationFactor;

    public KafkaSettings(@Value("${careergraph.kafka.bootstrap-servers}") String bootstrapServers,
                         @Value("${micronaut.application.name}") String serviceName,
                         @Value("${careergraph.kafka.create-topics:true}") boolean createTopics,
                         @Value("${careergraph.kafka.partitions:3}") int partitions,
                         @Value("${careergraph.kafka.replication-factor:1}") short replicationFactor) {
        this.bootstrapServers = bootstrapServers;
        this.serviceName = serviceName;
        this.createTopics = createTopics;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    /** Client properties every producer, consumer and admin client of this service starts from. */
    public Map<String, Object> clientProperties(String purpose) {
        Map<String, Object> props = new HashMap<>();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, serviceName + "-" + purpose);
        return props;
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
}

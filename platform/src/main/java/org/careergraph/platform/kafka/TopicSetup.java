package org.careergraph.platform.kafka;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.careergraph.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the system's topics and their dead-letter topics when they are missing, so a fresh broker works with no
 * setup step. Off where topics are managed outside (Strimzi KafkaTopic in Kubernetes). A broker that is not there yet
 * does not stop the service from starting: it retries, and readiness stays down meanwhile.
 */
@Singleton
public class TopicSetup {

    private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);

    private final KafkaSettings settings;
    private boolean done;

    TopicSetup(KafkaSettings settings) {
        this.settings = settings;
    }

    /** Creates missing topics unless done already; a broker that is not there yet is retried on the next run. */
    @Scheduled(fixedDelay = "5s")
    public synchronized void ensureTopicsOnce() {
        if (done || !settings.createTopics()) {
            return;
        }
        try {
            ensureTopics();
            done = true;
        } catch (RuntimeException e) {
            LOG.warn("Kafka topics not ready yet, retrying: {}", e.getMessage());
        }
    }

    private Map<String, Object> adminProperties() {
        Map<String, Object> props = settings.clientProperties("topic-setup");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        return props;
    }

    void ensureTopics() {
        try (Admin admin = Admin.create(adminProperties())) {
            Set<String> existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : Topics.ALL) {
                for (String name : List.of(topic, Topics.deadLetter(topic))) {
                    if (!existing.contains(name)) {
                        missing.add(new NewTopic(name, settings.partitions(), settings.replicationFactor()));
                    }
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get(15, TimeUnit.SECONDS);
                LOG.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
            } catch (ExecutionException e) {
                // Another service may have created them at the same moment; that is fine.
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                    throw e;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create Kafka topics at " + settings.bootstrapServers(), e);
        }
    }
}

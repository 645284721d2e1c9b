package org.careergraph.platform.kafka;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.careergraph.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the system's topics and their dead-letter topics when they are missing, so a fresh broker works with no
 * setup step. Off where topics are managed outside (Strimzi KafkaTopic in Kubernetes).
 */
@Singleton
class TopicSetup implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);

    private final KafkaSettings settings;

    TopicSetup(KafkaSettings settings) {
        this.settings = settings;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (settings.createTopics()) {
            ensureTopics();
        }
    }

    void ensureTopics() {
        try (Admin admin = Admin.create(settings.clientProperties("topic-setup"))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
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
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
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

package org.careergraph.platform.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.careergraph.platform.kafka.KafkaSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code careergraph_consumer_lag_records{group, topic}}: how many records this service's consumer groups (its event
 * consumer and its dead-letter inbox) have still to read, per topic, from the broker's own committed offsets and log
 * ends. The Kafka client's own lag metric is per consumer instance and vanishes when that consumer is down, which is
 * exactly when the lag matters; this one is the group's, whoever reads. Refreshed every
 * {@code careergraph.meters.refresh} (15 s); every replica reports the same figure.
 */
@Singleton
@Requires(bean = EventConsumer.class)
class ConsumerLagGauges {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerLagGauges.class);
    private static final long TIMEOUT_SECONDS = 5;

    private final BeanProvider<MeterRegistry> registry;
    private final KafkaSettings settings;
    private final List<String> groups;
    private MultiGauge gauge;
    private Admin admin;

    ConsumerLagGauges(BeanProvider<MeterRegistry> registry, KafkaSettings settings, EventConsumer events) {
        this.registry = registry;
        this.settings = settings;
        this.groups = List.of(events.group(), events.group() + DeadLetterInbox.GROUP_SUFFIX);
    }

    @Scheduled(fixedDelay = "${careergraph.meters.refresh:15s}", initialDelay = "${careergraph.meters.refresh:15s}")
    synchronized void refresh() {
        if (!registry.isPresent()) {
            return;
        }
        if (gauge == null) {
            gauge = MultiGauge.builder("careergraph.consumer.lag").baseUnit("records")
                    .description("Records a consumer group of this service has still to read, by topic")
                    .register(registry.get());
        }
        try {
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            for (String group : groups) {
                lagByTopic(group).forEach((topic, lag) ->
                        rows.add(MultiGauge.Row.of(Tags.of("group", group, "topic", topic), lag)));
            }
            gauge.register(rows, true);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // The broker may be away for a moment: keep the last figures, try again at the next refresh.
            LOG.warn("Cannot read the consumer lag: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Map<String, Long> lagByTopic(String group)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin().listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        committed.values().removeIf(offset -> offset == null);
        if (committed.isEmpty()) {
            return Map.of();
        }
        // Read committed, as the consumers read: an open or aborted transaction is no lag.
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin()
                .listOffsets(committed.keySet().stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())),
                        new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<String, Long> lag = new TreeMap<>();
        committed.forEach((partition, offset) -> lag.merge(partition.topic(),
                Math.max(0, ends.get(partition).offset() - offset.offset()), Long::sum));
        return lag;
    }

    private Admin admin() {
        if (admin == null) {
            Map<String, Object> props = settings.clientProperties("consumer-lag");
            props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
            props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
            admin = Admin.create(props);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close();
        }
    }
}

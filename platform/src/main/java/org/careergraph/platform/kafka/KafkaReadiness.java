package org.careergraph.platform.kafka;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.reactivestreams.Publisher;

/** Readiness is down while the broker does not answer: a service that cannot publish or consume is not ready. */
@Singleton
@Readiness
class KafkaReadiness implements HealthIndicator {

    private static final int TIMEOUT_MS = 2000;

    private final Admin admin;

    KafkaReadiness(KafkaSettings settings) {
        Map<String, Object> props = settings.clientProperties("health");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        this.admin = Admin.create(props);
    }

    @Override
    public Publisher<HealthResult> getResult() {
        // Asynchronous: the check must not block the HTTP event loop while the broker is unreachable.
        CompletableFuture<HealthResult> result = admin
                .describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS)).nodes()
                .toCompletionStage().toCompletableFuture()
                .handle((nodes, error) -> error == null
                        ? HealthResult.builder("kafka", HealthStatus.UP).details(Map.of("brokers", nodes.size())).build()
                        : HealthResult.builder("kafka", HealthStatus.DOWN).exception(error).build());
        return Publishers.fromCompletableFuture(result);
    }

    @PreDestroy
    void close() {
        admin.close();
    }
}

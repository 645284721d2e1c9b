package org.careergraph.notification.delivery;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;

/**
 * How notifications are sent ({@link Dispatcher}); the poll and record intervals
 * ({@code careergraph.notification.delivery.poll-interval}, 250 ms, and {@code record-interval}, 100 ms) are read by
 * the scheduler.
 *
 * @param retryDelays            the waits between attempts (Svix's schedule: eight attempts over about 28 hours)
 * @param retryJitter            each wait is up to this share longer, at random
 * @param batchSize              notifications claimed at once
 * @param concurrency            sends at once per instance (four times as many may be claimed and waiting)
 * @param perEndpointConcurrency sends at once to one webhook URL (the SMTP server counts as one endpoint)
 * @param lease                  a claimed notification is skipped by other instances this long; a send still
 *                               waiting for its turn then is left for the next claim
 * @param shutdownGrace          how long sends in flight may finish when the service stops
 * @param connectTimeout         connecting to a webhook receiver
 * @param requestTimeout         a webhook receiver's answer (its status and headers)
 */
@ConfigurationProperties("careergraph.notification.delivery")
public record DeliverySettings(
        @Bindable(defaultValue = "5s,5m,30m,2h,5h,10h,10h") @NotEmpty List<Duration> retryDelays,
        @Bindable(defaultValue = "0.2") @DecimalMin("0") double retryJitter,
        @Bindable(defaultValue = "500") @Min(1) int batchSize,
        @Bindable(defaultValue = "64") @Min(1) int concurrency,
        @Bindable(defaultValue = "4") @Min(1) int perEndpointConcurrency,
        @Bindable(defaultValue = "60s") @NotNull Duration lease,
        @Bindable(defaultValue = "20s") @NotNull Duration shutdownGrace,
        @Bindable(defaultValue = "5s") @NotNull Duration connectTimeout,
        @Bindable(defaultValue = "10s") @NotNull Duration requestTimeout) {
}

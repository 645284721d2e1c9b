package org.careergraph.platform.inbox;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * How the event consumer retries a failing event before dead-lettering it: {@code maxAttempts} attempts, waiting
 * {@code initialBackoff} after the first and twice as long after each next.
 */
@ConfigurationProperties("careergraph.kafka.consumer")
record ConsumerSettings(
        @Bindable(defaultValue = "4") @Min(1) int maxAttempts,
        @Bindable(defaultValue = "200ms") @NotNull Duration initialBackoff) {
}

package org.careergraph.notification.notice;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * How the fan-out writes a notice's notifications ({@link FanOut}); its poll interval is
 * {@code careergraph.notification.fan-out.poll-interval} (200 ms), read by the scheduler.
 *
 * @param pageSize subscriptions written per transaction
 * @param lease    how long a claimed notice is left to this instance: one that died is taken over after it
 */
@ConfigurationProperties("careergraph.notification.fan-out")
record FanOutSettings(
        @Bindable(defaultValue = "5000") @Min(1) int pageSize,
        @Bindable(defaultValue = "60s") @NotNull Duration lease) {
}

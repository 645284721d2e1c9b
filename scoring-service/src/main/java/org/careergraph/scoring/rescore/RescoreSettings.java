package org.careergraph.scoring.rescore;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * How a re-score job works through the catalog: {@code batchSize} occupations a transaction, each batch holding the
 * job for one {@code lease}, after which another instance may take it over (a crashed one's job carries on).
 */
@ConfigurationProperties("careergraph.scoring.rescore")
record RescoreSettings(
        @Bindable(defaultValue = "500") @Min(1) int batchSize,
        @Bindable(defaultValue = "60s") @NotNull Duration lease) {
}

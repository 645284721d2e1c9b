package org.careergraph.catalog;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * How much import work the service takes on: page-text, NDJSON and release-upload imports run on a pool of
 * {@code concurrency} threads, never on the HTTP event loop, and one more is refused at once (429 with
 * {@code Retry-After: retryAfter}) rather than queued. A page text may be at most {@code pageTextBytes} (413 beyond)
 * and must be read and stored within {@code pageTimeBudget} (422 beyond, nothing stored).
 *
 * @param concurrency    how many imports run at once on this replica
 * @param retryAfter     what a refused import is told to wait before trying again
 * @param pageTextBytes  the largest page text, in UTF-8 bytes (seed pages are 5 to 15 KB)
 * @param pageTimeBudget how long one page import may take, reading and storing (a seed page takes milliseconds)
 */
@ConfigurationProperties("careergraph.catalog.imports")
public record ImportSettings(
        @Bindable(defaultValue = "2") @Min(1) int concurrency,
        @Bindable(defaultValue = "5s") @NotNull Duration retryAfter,
        @Bindable(defaultValue = "262144") @Min(1) int pageTextBytes,
        @Bindable(defaultValue = "10s") @NotNull Duration pageTimeBudget) {
}

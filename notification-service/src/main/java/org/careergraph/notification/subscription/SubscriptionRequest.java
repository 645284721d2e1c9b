package org.careergraph.notification.subscription;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A subscription as a subscriber asks for it. Every field is nullable here so that validation, not JSON binding,
 * reports all missing fields at once.
 */
@Serdeable
public record SubscriptionRequest(
        @NotBlank @Size(max = 2048) @Nullable String webhookUrl,
        @NotNull @Size(min = 1, max = 100) @Nullable List<@NotBlank @Size(max = 64) @Nullable String> occupationIds) {
}

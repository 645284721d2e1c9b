package org.careergraph.notification.delivery;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Where webhooks may go and how long a new one has to answer its verification (the secret overlap of a rotation,
 * under the same prefix, is {@code subscription.SecretRotation}).
 *
 * @param allowedHosts        comma-separated hosts a webhook may name although they are not public, and the only
 *                            hosts allowed over plain http; none unless set ({@link WebhookTargetPolicy})
 * @param verificationTimeout how long a new webhook's endpoint has to answer the verification request
 */
@ConfigurationProperties("careergraph.notification.webhook")
public record WebhookSettings(
        @Nullable String allowedHosts,
        @Bindable(defaultValue = "5s") @NotNull Duration verificationTimeout) {

    List<String> allowedHostList() {
        return allowedHosts == null ? List.of() : Arrays.asList(allowedHosts.split(","));
    }
}

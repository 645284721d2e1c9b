package org.careergraph.notification.subscription;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.careergraph.notification.subscription.SubscriptionRequest.Prefix;
import org.careergraph.platform.web.OneLine;

/**
 * A change to a subscription (JSON merge patch): a field left out stays as it is; a list given replaces the list.
 * {@code enabled} pauses a subscription or resumes it (also a webhook disabled after failing, once it is fixed). The
 * email address and the channel cannot change: an address must confirm itself, so a new one subscribes anew.
 */
@Serdeable
@OneLine
public record SubscriptionPatch(
        @Nullable String email,
        @Nullable String emailDelivery,
        @Size(max = 2048) @Nullable String webhookUrl,
        @Size(max = 100) @Nullable List<@NotBlank @Size(max = 64) @Nullable String> occupationIds,
        @Size(max = 20) @Nullable List<@NotNull @Valid @Nullable Prefix> codePrefixes,
        @Size(max = 20) @Nullable List<@NotNull @Pattern(regexp = "[A-Za-z]{2}", message = "must be a two-letter "
                + "country code") @Nullable String> countries,
        @Nullable Boolean anyGreenListChange,
        @Size(min = 1, max = 6) @Nullable List<@NotBlank @Nullable String> kinds,
        @Nullable Boolean enabled) implements WatchRequest {
}

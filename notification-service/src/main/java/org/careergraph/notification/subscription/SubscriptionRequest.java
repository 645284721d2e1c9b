package org.careergraph.notification.subscription;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.careergraph.platform.web.OneLine;

/**
 * A subscription as a subscriber asks for it: a channel (an email address or a webhook URL), what to watch
 * (occupations by id, code prefixes, countries, every Green List change) and which kinds of change (all when left
 * out). Every field is nullable here so that validation, not JSON binding, reports all problems at once; names of
 * kinds and of the email delivery are checked later (422), like whether an occupation is known.
 */
@Serdeable
@OneLine
@OneChannel
@WatchesSomething
public record SubscriptionRequest(
        @Email @Size(max = 254) @Nullable String email,
        @Nullable String emailDelivery,
        @Size(max = 2048) @Nullable String webhookUrl,
        @Size(max = 100) @Nullable List<@NotBlank @Size(max = 64) @Nullable String> occupationIds,
        @Size(max = 20) @Nullable List<@NotNull @Valid @Nullable Prefix> codePrefixes,
        @Size(max = 20) @Nullable List<@NotNull @Pattern(regexp = "[A-Za-z]{2}", message = "must be a two-letter "
                + "country code") @Nullable String> countries,
        @Nullable Boolean anyGreenListChange,
        @Size(min = 1, max = 6) @Nullable List<@NotBlank @Nullable String> kinds) implements WatchRequest {

    /** Whether the code system is known is checked later (422), like whether an occupation is. */
    @Serdeable
    public record Prefix(
            @NotBlank @Size(max = 16) @Nullable String codeSystem,
            @NotNull @Pattern(regexp = "[0-9-]{1,16}", message = "must be 1 to 16 digits or '-'")
            @Nullable String prefix) {
    }
}

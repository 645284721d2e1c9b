package org.careergraph.notification.subscription;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A subscription as a subscriber asks for it: occupations by id, code prefixes, or both. Every field is nullable
 * here so that validation, not JSON binding, reports all missing fields at once.
 */
@Serdeable
@WatchesSomething
public record SubscriptionRequest(
        @NotBlank @Size(max = 2048) @Nullable String webhookUrl,
        @Size(max = 100) @Nullable List<@NotBlank @Size(max = 64) @Nullable String> occupationIds,
        @Size(max = 20) @Nullable List<@NotNull @Valid @Nullable Prefix> codePrefixes) {

    /** Whether the code system is known is checked later (422), like whether an occupation is. */
    @Serdeable
    public record Prefix(
            @NotBlank @Size(max = 16) @Nullable String codeSystem,
            @NotNull @Pattern(regexp = "[0-9-]{1,16}", message = "must be 1 to 16 digits or '-'")
            @Nullable String prefix) {
    }

    List<String> occupationIdsOrNone() {
        return occupationIds == null ? List.of() : occupationIds;
    }

    List<Prefix> codePrefixesOrNone() {
        return codePrefixes == null ? List.of() : codePrefixes;
    }
}

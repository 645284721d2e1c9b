package org.careergraph.notification.delivery;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The mails' sender and when the daily digest goes out (SMTP itself is under {@code javamail}).
 *
 * @param from       the From of every mail
 * @param digestAt   the time of day the daily digest goes out (HH:mm)
 * @param digestZone the zone of that time
 */
@ConfigurationProperties("careergraph.notification.email")
public record EmailSettings(
        @NotBlank String from,
        @Bindable(defaultValue = "07:00") @NotBlank String digestAt,
        @Bindable(defaultValue = "UTC") @NotBlank String digestZone) {

    public EmailSettings {
        // Refused at startup rather than at the first digest.
        LocalTime.parse(digestAt);
        ZoneId.of(digestZone);
    }

    public LocalTime digestTime() {
        return LocalTime.parse(digestAt);
    }

    public ZoneId digestZoneId() {
        return ZoneId.of(digestZone);
    }
}

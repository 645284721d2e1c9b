package org.careergraph.notification.notice;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.careergraph.notification.delivery.EmailSettings;

/**
 * When the daily digest goes out: every day at one time of day in one zone (07:00 UTC unless configured). A
 * notification for a digest subscriber is due then, so the dispatcher finds a subscriber's whole day at once.
 */
@Singleton
public class DigestSchedule {

    private final LocalTime at;
    private final ZoneId zone;

    @Inject
    DigestSchedule(EmailSettings settings) {
        this(settings.digestTime(), settings.digestZoneId());
    }

    DigestSchedule(LocalTime at, ZoneId zone) {
        this.at = at;
        this.zone = zone;
    }

    /** The first digest time strictly after {@code now}. */
    public Instant nextAfter(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime today = local.toLocalDate().atTime(at).atZone(zone);
        return (today.isAfter(local) ? today : today.plusDays(1)).toInstant();
    }
}

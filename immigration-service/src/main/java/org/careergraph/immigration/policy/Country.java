package org.careergraph.immigration.policy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;

/** A country whose immigration rules are kept. Its effective dates are days in its own time zone. */
public enum Country {

    NZ(ZoneId.of("Pacific/Auckland"));

    private final ZoneId zone;

    Country(ZoneId zone) {
        this.zone = zone;
    }

    /** The date in this country now: a rule effective from that date is in force. */
    public LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    public ZoneId zone() {
        return zone;
    }

    public static Optional<Country> parse(String name) {
        return Arrays.stream(values()).filter(c -> c.name().equalsIgnoreCase(name == null ? "" : name.trim()))
                .findFirst();
    }
}

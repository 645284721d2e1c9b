package org.careergraph.immigration.rules;

import io.micronaut.core.annotation.Nullable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.careergraph.events.CodeSystem;

/**
 * A country whose immigration rules are kept. Its effective dates are days in its own time zone; its rules name
 * occupations by its code systems and measure pay in its currency.
 */
public enum Country {

    /** New Zealand: ANZSCO for SMC and the Green List, NOL for AEWV from 2025-11-03. */
    NZ(ZoneId.of("Pacific/Auckland"), "NZD", Set.of(CodeSystem.ANZSCO, CodeSystem.NOL)),
    /** United States: SOC codes; dates in Washington, where USCIS and DOL announce them. */
    US(ZoneId.of("America/New_York"), "USD", Set.of(CodeSystem.SOC));

    private final ZoneId zone;
    private final String currency;
    private final Set<CodeSystem> codeSystems;

    Country(ZoneId zone, String currency, Set<CodeSystem> codeSystems) {
        this.zone = zone;
        this.currency = currency;
        this.codeSystems = codeSystems;
    }

    /** The date in this country now: a rule effective from that date is in force. */
    public LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    public ZoneId zone() {
        return zone;
    }

    public String currency() {
        return currency;
    }

    public Set<CodeSystem> codeSystems() {
        return codeSystems;
    }

    /** Whether this country's rules speak of occupations coded in {@code codeSystem}. */
    public boolean covers(String codeSystem) {
        return CodeSystem.parse(codeSystem).map(codeSystems::contains).orElse(false);
    }

    /** The country whose rules speak of occupations coded in {@code codeSystem}, if any. */
    public static Optional<Country> of(String codeSystem) {
        return Arrays.stream(values()).filter(c -> c.covers(codeSystem)).findFirst();
    }

    public static Optional<Country> parse(@Nullable String name) {
        return Arrays.stream(values()).filter(c -> c.name().equalsIgnoreCase(name == null ? "" : name.trim()))
                .findFirst();
    }
}

package org.careergraph.web.ranking;

import io.micronaut.core.annotation.Nullable;
import java.util.Arrays;
import java.util.Optional;

/** The countries a ranking is for, each with the classification its occupations are coded in. */
public enum Country {
    US("SOC", "ONET"),
    NZ("ANZSCO", "ANZSCO");

    private final String codeSystem;
    private final String classificationSeries;

    Country(String codeSystem, String classificationSeries) {
        this.codeSystem = codeSystem;
        this.classificationSeries = classificationSeries;
    }

    public String codeSystem() {
        return codeSystem;
    }

    /** The release series its occupations (and their English titles) come from. */
    String classificationSeries() {
        return classificationSeries;
    }

    /** {@code US} or {@code NZ}, in any case; none given is the US. */
    static Optional<Country> parse(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(US);
        }
        return Arrays.stream(values()).filter(c -> c.name().equalsIgnoreCase(value.strip())).findFirst();
    }
}

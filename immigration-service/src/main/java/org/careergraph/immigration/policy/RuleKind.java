package org.careergraph.immigration.policy;

import io.micronaut.core.annotation.Nullable;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.careergraph.events.CodeSystem;

/**
 * What a rule sets. Each kind says in which countries it exists, which code system it names occupations by, and which
 * values it takes; a new kind (median wage, SMC points, AEWV thresholds) is a new constant.
 */
public enum RuleKind {

    /**
     * Immigration NZ Operational Manual, Appendix 13: "1" Tier 1 (Straight to Residence), "2" Tier 2 (Work to
     * Residence); null takes the occupation off the Green List.
     */
    GREEN_LIST_TIER(Set.of(Country.NZ), Set.of(CodeSystem.ANZSCO)) {
        @Override
        public Optional<String> valueProblem(@Nullable String value) {
            return value == null || value.equals("1") || value.equals("2") ? Optional.empty()
                    : Optional.of("must be \"1\", \"2\" or null (off the Green List)");
        }
    };

    private final Set<Country> countries;
    private final Set<CodeSystem> codeSystems;

    RuleKind(Set<Country> countries, Set<CodeSystem> codeSystems) {
        this.countries = countries;
        this.codeSystems = codeSystems;
    }

    /** Why the value cannot be stored, if it cannot. */
    public abstract Optional<String> valueProblem(@Nullable String value);

    public boolean existsIn(Country country) {
        return countries.contains(country);
    }

    public boolean uses(CodeSystem codeSystem) {
        return codeSystems.contains(codeSystem);
    }

    public Set<CodeSystem> codeSystems() {
        return codeSystems;
    }

    public static Optional<RuleKind> parse(@Nullable String name) {
        String wanted = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.name().equals(wanted)).findFirst();
    }
}

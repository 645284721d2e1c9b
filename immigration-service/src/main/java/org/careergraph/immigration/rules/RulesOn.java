package org.careergraph.immigration.rules;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The rules of a country in force on one date, one per subject, with typed reads for the status calculation. */
public final class RulesOn {

    private static final Comparator<Rule> LISTING_ORDER = Comparator.comparing((Rule r) -> r.kind().ordinal())
            .thenComparing(r -> Objects.toString(r.codeSystem(), ""))
            .thenComparing(r -> Objects.toString(r.code(), ""))
            .thenComparing(r -> Objects.toString(r.key(), ""));

    private final Country country;
    private final LocalDate date;
    private final List<Rule> rules;
    private final Map<Rule.Subject, Rule> bySubject = new HashMap<>();

    RulesOn(Country country, LocalDate date, List<Rule> rules) {
        this.country = country;
        this.date = date;
        this.rules = rules.stream().filter(r -> r.value() != null).sorted(LISTING_ORDER).toList();
        this.rules.forEach(r -> bySubject.put(r.subject(), r));
    }

    public Country country() {
        return country;
    }

    public LocalDate date() {
        return date;
    }

    /** Every rule in force with a value (removals are not rules in force), in kind, code and key order. */
    public List<Rule> all() {
        return rules;
    }

    /** The setting of a kind without key or code. */
    public Optional<Rule> setting(RuleKind kind) {
        return find(kind, null, null, null);
    }

    /** The setting of a keyed kind. */
    public Optional<Rule> setting(RuleKind kind, String key) {
        return find(kind, null, null, key);
    }

    /** Every key of a keyed kind that has a value, in the kind's key order. */
    public List<Rule> keyed(RuleKind kind) {
        return kind.keys().stream().flatMap(key -> setting(kind, key).stream()).toList();
    }

    /** The rule of an occupation kind for one code (and key). */
    public Optional<Rule> occupation(RuleKind kind, String codeSystem, String code, @Nullable String key) {
        return find(kind, codeSystem, code, key);
    }

    private Optional<Rule> find(RuleKind kind, @Nullable String codeSystem, @Nullable String code,
                                @Nullable String key) {
        return Optional.ofNullable(bySubject.get(new Rule.Subject(kind, codeSystem, code, key)));
    }
}

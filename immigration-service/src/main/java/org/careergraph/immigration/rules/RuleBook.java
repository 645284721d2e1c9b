package org.careergraph.immigration.rules;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A country's rules as recorded, read in memory: which rule of a subject is in force on a date, and since when a
 * subject has had its value. On a date, of the rules whose dates cover it, the one with the latest effective-from wins
 * (same date: the later recorded); a rule that ended hands back to the one it covered.
 */
public final class RuleBook {

    private final Country country;
    private final List<Rule> rules;
    private final Map<Rule.Subject, List<Rule>> bySubject = new LinkedHashMap<>();

    public RuleBook(Country country, List<Rule> rules) {
        this.country = country;
        this.rules = List.copyOf(rules);
        for (Rule rule : rules) {
            bySubject.computeIfAbsent(rule.subject(), s -> new ArrayList<>()).add(rule);
        }
    }

    public Country country() {
        return country;
    }

    public List<Rule> rules() {
        return rules;
    }

    /** This book with more rules: an update read in memory, not stored (a preview). */
    public RuleBook plus(List<Rule> more) {
        List<Rule> all = new ArrayList<>(rules);
        all.addAll(more);
        return new RuleBook(country, all);
    }

    /** The rules in force on {@code date}. */
    public RulesOn on(LocalDate date) {
        List<Rule> winners = new ArrayList<>();
        for (List<Rule> subject : bySubject.values()) {
            winner(subject, date).ifPresent(winners::add);
        }
        return new RulesOn(country, date, winners);
    }

    /**
     * The first day of the run of days, up to {@code date}, on which the subject of {@code kind, codeSystem, code,
     * key} had the value it has on {@code date} (a removal counts as no value). Null when it never had a rule.
     */
    public @Nullable LocalDate since(RuleKind kind, @Nullable String codeSystem, @Nullable String code,
                                     @Nullable String key, LocalDate date) {
        List<Rule> subject = bySubject.getOrDefault(new Rule.Subject(kind, codeSystem, code, key), List.of());
        TreeSet<LocalDate> boundaries = new TreeSet<>();
        for (Rule rule : subject) {
            boundaries.add(rule.effectiveFrom());
            if (rule.effectiveTo() != null) {
                boundaries.add(rule.effectiveTo().plusDays(1));
            }
        }
        Optional<Rule> now = winner(subject, date);
        if (now.isEmpty()) {
            return null;
        }
        String value = now.get().value();
        LocalDate since = null;
        for (LocalDate boundary : boundaries.headSet(date, true).descendingSet()) {
            Optional<Rule> before = winner(subject, boundary.minusDays(1));
            since = boundary;
            if (before.isEmpty() || !Objects.equals(before.get().value(), value)) {
                break;
            }
        }
        return since;
    }

    private static Optional<Rule> winner(List<Rule> subject, LocalDate date) {
        Rule best = null;
        for (Rule rule : subject) {
            if (rule.coversDate(date) && (best == null || wins(rule, best))) {
                best = rule;
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean wins(Rule candidate, Rule current) {
        int byDate = candidate.effectiveFrom().compareTo(current.effectiveFrom());
        return byDate != 0 ? byDate > 0 : candidate.recordedAfter(current);
    }

}

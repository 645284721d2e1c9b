package org.careergraph.immigration.policy;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.careergraph.events.CodeSystem;
import org.careergraph.events.RuleChange;
import org.careergraph.immigration.rules.Country;
import org.careergraph.immigration.rules.RuleKind;
import org.careergraph.platform.web.Problem.FieldError;

/**
 * The rules a policy update must follow beyond its shape (which bean validation checks): kinds of its country, the
 * subject each kind needs (an occupation code, a key or neither), known occupation codes, allowed values, one change
 * per rule, end dates after start dates, and no effective date far in the past. Pure: the caller says which codes
 * are known ({@code knownCode} null: any well-formed code, as for the initial rule set).
 */
final class PolicyUpdateValidation {

    /** Rules are recorded as announced; a late recording may reach back this far, not further. */
    static final int MAX_DAYS_IN_THE_PAST = 30;
    /** Announcements come months ahead, not decades: a date beyond this is a typo. */
    static final int MAX_YEARS_AHEAD = 10;

    private PolicyUpdateValidation() {
    }

    /** Every problem, field by field; empty when the update can be stored. */
    static List<FieldError> problems(PolicyUpdateRequest request, Country country, LocalDate today,
                                     BiPredicate<CodeSystem, String> knownCode) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate from = request.effectiveFrom() == null ? today : request.effectiveFrom();
        if (from.isBefore(today.minusDays(MAX_DAYS_IN_THE_PAST))) {
            errors.add(new FieldError("effectiveFrom", "must not be more than " + MAX_DAYS_IN_THE_PAST
                    + " days in the past (today in " + country + " is " + today + ")"));
        }
        if (from.isAfter(today.plusYears(MAX_YEARS_AHEAD))) {
            errors.add(new FieldError("effectiveFrom", "must not be more than " + MAX_YEARS_AHEAD
                    + " years ahead (today in " + country + " is " + today + ")"));
        }
        errors.addAll(changeProblems(request.changes(), country, from, knownCode));
        return errors;
    }

    /** The problems of the changes alone: what the initial rule set is held to as well. */
    static List<FieldError> changeProblems(List<PolicyUpdateRequest.Change> changes, Country country,
                                           LocalDate effectiveFrom, @Nullable BiPredicate<CodeSystem, String> knownCode) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> firstChangeByRule = new HashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            PolicyUpdateRequest.Change change = changes.get(i);
            String at = "changes[" + i + "].";
            Optional<RuleKind> kind = RuleKind.parse(change.kind()).filter(k -> k.country() == country);
            if (kind.isEmpty()) {
                errors.add(new FieldError(at + "kind", "must be one of " + RuleKind.of(country)));
                continue;
            }
            RuleKind.Subject subject = kind.get().subject();
            String code = trimmed(change.code());
            String key = trimmed(change.key()) == null ? null : trimmed(change.key()).toUpperCase(Locale.ROOT);
            if (subject.namesOccupation()) {
                Optional<CodeSystem> system = CodeSystem.parse(change.codeSystem());
                if (system.isEmpty() || system.get() != kind.get().codeSystem()) {
                    errors.add(new FieldError(at + "codeSystem", "must be one of " + List.of(kind.get().codeSystem())));
                } else if (code == null || !system.get().isValidCode(code)) {
                    errors.add(new FieldError(at + "code", "is not a valid " + system.get() + " code"));
                } else if (knownCode != null && !knownCode.test(system.get(), code)) {
                    errors.add(new FieldError(at + "code", "unknown occupation code: no known occupation has "
                            + system.get() + " " + code));
                }
            } else {
                if (change.codeSystem() != null) {
                    errors.add(new FieldError(at + "codeSystem", "must be absent: " + kind.get()
                            + " is not about one occupation"));
                }
                if (code != null) {
                    errors.add(new FieldError(at + "code", "must be absent: " + kind.get()
                            + " is not about one occupation"));
                }
            }
            if (subject.hasKey() && (key == null || !kind.get().keys().contains(key))) {
                errors.add(new FieldError(at + "key", "must be one of " + kind.get().keys()));
            } else if (!subject.hasKey() && key != null) {
                errors.add(new FieldError(at + "key", "must be absent: " + kind.get() + " has no keys"));
            }
            kind.get().valueProblem(change.value())
                    .ifPresent(problem -> errors.add(new FieldError(at + "value", problem)));
            if (change.effectiveTo() != null && change.effectiveTo().isBefore(effectiveFrom)) {
                errors.add(new FieldError(at + "effectiveTo", "must not be before effectiveFrom " + effectiveFrom));
            }
            String rule = kind.get() + " " + CodeSystem.parse(change.codeSystem()).map(Enum::name).orElse("") + " "
                    + code + " " + key;
            Integer earlier = firstChangeByRule.putIfAbsent(rule, i);
            if (earlier != null) {
                errors.add(new FieldError(at + (subject.namesOccupation() ? "code" : "key"), "conflicts with changes["
                        + earlier + "]: an update sets each rule once (" + kind.get() + " twice for the same "
                        + (subject.namesOccupation() ? "occupation" : "setting") + ")"));
            }
        }
        return errors;
    }

    /** The changes as they are stored and published: names in capitals, codes and values trimmed and normalized. */
    static List<RuleChange> normalized(List<PolicyUpdateRequest.Change> changes) {
        return changes.stream().map(c -> {
            RuleKind kind = RuleKind.parse(c.kind()).orElseThrow();
            String key = trimmed(c.key());
            return new RuleChange(kind.name(), CodeSystem.parse(c.codeSystem()).map(Enum::name).orElse(null),
                    trimmed(c.code()), kind.normalized(c.value()), key == null ? null : key.toUpperCase(Locale.ROOT),
                    c.effectiveTo());
        }).toList();
    }

    private static @Nullable String trimmed(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}

package org.careergraph.immigration.policy;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.careergraph.events.CodeSystem;
import org.careergraph.events.RuleChange;
import org.careergraph.platform.web.Problem.FieldError;

/**
 * The rules a policy update must follow beyond its shape (which bean validation checks): known kinds, code systems and
 * occupation codes, allowed values, one change per code, and no effective date far in the past. Pure: the caller
 * says which codes are known.
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
        if (request.effectiveFrom() != null && request.effectiveFrom().isBefore(today.minusDays(MAX_DAYS_IN_THE_PAST))) {
            errors.add(new FieldError("effectiveFrom", "must not be more than " + MAX_DAYS_IN_THE_PAST
                    + " days in the past (today in " + country + " is " + today + ")"));
        }
        if (request.effectiveFrom() != null && request.effectiveFrom().isAfter(today.plusYears(MAX_YEARS_AHEAD))) {
            errors.add(new FieldError("effectiveFrom", "must not be more than " + MAX_YEARS_AHEAD
                    + " years ahead (today in " + country + " is " + today + ")"));
        }
        Map<String, Integer> firstChangeByRule = new HashMap<>();
        List<PolicyUpdateRequest.Change> changes = request.changes();
        for (int i = 0; i < changes.size(); i++) {
            PolicyUpdateRequest.Change change = changes.get(i);
            String at = "changes[" + i + "].";
            Optional<RuleKind> kind = RuleKind.parse(change.kind());
            if (kind.isEmpty() || !kind.get().existsIn(country)) {
                errors.add(new FieldError(at + "kind", "must be one of " + kindsOf(country)));
            }
            Optional<CodeSystem> system = CodeSystem.parse(change.codeSystem());
            String code = change.code().trim();
            if (system.isEmpty() || kind.isPresent() && !kind.get().uses(system.get())) {
                Object allowed = kind.isPresent() ? kind.get().codeSystems() : List.of(CodeSystem.values());
                errors.add(new FieldError(at + "codeSystem", "must be one of " + allowed));
            } else if (!system.get().isValidCode(code)) {
                errors.add(new FieldError(at + "code", "is not a valid " + system.get() + " code"));
            } else if (!knownCode.test(system.get(), code)) {
                errors.add(new FieldError(at + "code", "unknown occupation code: no known occupation has "
                        + system.get() + " " + code));
            } else if (kind.isPresent()) {
                Integer earlier = firstChangeByRule.putIfAbsent(kind.get() + " " + system.get() + " " + code, i);
                if (earlier != null) {
                    errors.add(new FieldError(at + "code", "conflicts with changes[" + earlier
                            + "]: an update sets each rule of an occupation once"));
                }
            }
            kind.flatMap(k -> k.valueProblem(value(change)))
                    .ifPresent(problem -> errors.add(new FieldError(at + "value", problem)));
        }
        return errors;
    }

    /** The changes as they are stored and published: names in capitals, codes and values trimmed. */
    static List<RuleChange> normalized(List<PolicyUpdateRequest.Change> changes) {
        return changes.stream().map(c -> new RuleChange(RuleKind.parse(c.kind()).orElseThrow().name(),
                CodeSystem.parse(c.codeSystem()).orElseThrow().name(), c.code().trim(), value(c))).toList();
    }

    private static @Nullable String value(PolicyUpdateRequest.Change change) {
        return change.value() == null ? null : change.value().trim();
    }

    private static List<RuleKind> kindsOf(Country country) {
        return Arrays.stream(RuleKind.values()).filter(k -> k.existsIn(country)).toList();
    }
}

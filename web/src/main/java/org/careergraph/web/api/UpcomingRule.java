package org.careergraph.web.api;

import io.micronaut.core.annotation.Nullable;
import java.util.Map;
import java.util.Objects;

/** A rule announced for a later date: the occupation it is of (none: everyone's), and the document shown. */
public record UpcomingRule(@Nullable String codeSystem, @Nullable String code, Map<String, Object> document) {

    static UpcomingRule of(Map<String, Object> rule) {
        return new UpcomingRule(Json.text(rule.get("codeSystem")), Json.text(rule.get("code")), rule);
    }

    /** Whether the rule applies to the occupation: it is the occupation's own, or everyone's. */
    public boolean appliesTo(Occupation occupation) {
        return code == null || Objects.equals(code, occupation.code())
                && Objects.equals(codeSystem, occupation.codeSystem());
    }
}

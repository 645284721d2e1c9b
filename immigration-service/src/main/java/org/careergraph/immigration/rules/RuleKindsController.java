package org.careergraph.immigration.rules;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Arrays;
import java.util.List;

/**
 * Public: the kinds of change a policy update may make, of one country or all, read from {@link RuleKind} (the rules
 * validation applies), so that a form offers exactly what recording accepts.
 */
@Controller("/api/immigration/rule-kinds")
@Secured(SecurityRule.IS_ANONYMOUS)
class RuleKindsController {

    @Get
    List<RuleKindView> kinds(@QueryValue @Nullable String country) {
        Country chosen = QueryParameters.country(country);
        return Arrays.stream(RuleKind.values()).filter(k -> chosen == null || k.country() == chosen)
                .map(RuleKindView::of).toList();
    }

    /**
     * One kind: {@code takes} CODE (an occupation's code in {@code codeSystem}; with {@code keys} too for a kind per
     * code and key), KEY (one of {@code keys}) or NONE; {@code value} what the value measures and may be (null
     * removes a rule of any kind).
     */
    @Serdeable
    record RuleKindView(String kind, String country, String takes, @Nullable String codeSystem,
                        @Nullable List<String> keys, String value, Explanation description) {

        static RuleKindView of(RuleKind kind) {
            RuleKind.Subject subject = kind.subject();
            return new RuleKindView(kind.name(), kind.country().name(),
                    subject.namesOccupation() ? "CODE" : subject.hasKey() ? "KEY" : "NONE",
                    subject.namesOccupation() ? kind.codeSystem().name() : null,
                    subject.hasKey() ? kind.keys() : null, kind.valueFormat(),
                    new Explanation(kind.descriptionEn(), kind.descriptionZh()));
        }
    }
}

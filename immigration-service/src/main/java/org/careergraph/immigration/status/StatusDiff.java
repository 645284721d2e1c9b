package org.careergraph.immigration.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.careergraph.events.ImmigrationStatus;
import org.careergraph.immigration.occupation.KnownOccupation;
import org.careergraph.immigration.rules.Explanation;

/**
 * How one occupation's status would change: before and after, each explained, and the routes whose verdict or
 * explanation differ. {@code title} (English and Chinese) is left out when the catalog gave none.
 */
@Serdeable
public record StatusDiff(String occupationId, String code, String codeSystem, @Nullable Explanation title,
                         Side before, Side after, List<String> changedRoutes) {

    /** One side of the change; a null tier is written (off the Green List), not left out. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Side(@Nullable Integer greenListTier, ImmigrationStatus status, Explanation explanation) {

        static Side of(Assessment assessment) {
            return new Side(assessment.summary().greenListTier(), assessment.summary(), assessment.explanation());
        }
    }

    static StatusDiff of(KnownOccupation occupation, Assessment before, Assessment after) {
        Map<String, Route> was = before.routes().stream().collect(Collectors.toMap(Route::route, Function.identity()));
        List<String> changedRoutes = after.routes().stream().filter(r -> !was.containsKey(r.route())
                || !Objects.equals(was.get(r.route()).open(), r.open())
                || !was.get(r.route()).explanation().equals(r.explanation())).map(Route::route).toList();
        return new StatusDiff(occupation.id(), occupation.code(), occupation.codeSystem(), title(occupation),
                Side.of(before), Side.of(after), changedRoutes);
    }

    private static @Nullable Explanation title(KnownOccupation occupation) {
        return isBlank(occupation.titleEn()) && isBlank(occupation.titleZh()) ? null
                : new Explanation(occupation.titleEn(), occupation.titleZh());
    }

    private static boolean isBlank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}

package org.careergraph.immigration.status;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.util.List;
import org.careergraph.events.ImmigrationStatus;
import org.careergraph.immigration.rules.Explanation;

/**
 * What the rules on a date mean for one occupation in one country: the summary events carry, each route explained,
 * and since when (and by which update) the occupation has had its Green List standing.
 */
record Assessment(ImmigrationStatus summary, List<Route> routes, @Nullable LocalDate greenListSince,
                  @Nullable String greenListUpdateId) {

    /** Every route's explanation in one text per language. */
    Explanation explanation() {
        return new Explanation(String.join(" ", routes.stream().map(r -> r.explanation().en()).toList()),
                String.join("", routes.stream().map(r -> r.explanation().zh()).toList()));
    }
}

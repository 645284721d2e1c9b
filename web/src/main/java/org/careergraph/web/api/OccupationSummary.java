package org.careergraph.web.api;

import io.micronaut.core.annotation.Nullable;
import java.util.Map;

/** One occupation of a search: its id, and its summary (titles, code, published figures) as the catalog gives it. */
public record OccupationSummary(String id, Map<String, Object> document) {

    OccupationSummary(Map<String, Object> document) {
        this(String.valueOf(document.get("id")), document);
    }

    /** A published figure of the summary by its field name ({@code medianWageAnnual}); null where there is none. */
    @Nullable
    public Object figure(String name) {
        return document.get(name);
    }
}

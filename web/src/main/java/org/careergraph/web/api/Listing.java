package org.careergraph.web.api;

import java.util.List;
import java.util.Map;

/** A page of a service's list ({@code items} and {@code total}); the items are documents the pages show as they are. */
public record Listing(List<Map<String, Object>> items, long total) {

    static Listing of(Object body) {
        Map<String, Object> page = Json.object(body);
        return new Listing(Json.objects(page.get("items")), page.get("total") instanceof Number n ? n.longValue() : 0);
    }
}

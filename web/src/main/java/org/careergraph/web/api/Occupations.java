package org.careergraph.web.api;

import java.util.List;
import java.util.Map;

/** A page of the catalog's search: the occupations' summaries and how many match in all. */
public record Occupations(List<OccupationSummary> items, long total) {

    static Occupations of(Object body) {
        Listing listing = Listing.of(body);
        return new Occupations(listing.items().stream().map(OccupationSummary::new).toList(), listing.total());
    }

    /** The summaries as the catalog gives them, for a page that lists them as they are. */
    public List<Map<String, Object>> documents() {
        return items.stream().map(OccupationSummary::document).toList();
    }
}

package org.careergraph.web.api;

import io.micronaut.core.annotation.Nullable;
import java.util.Map;

/** An occupation's immigration status: the country it is of, and the document (routes, rules) the pages show. */
public record ImmigrationStatus(@Nullable String country, Map<String, Object> document) {

    static ImmigrationStatus of(Object body) {
        Map<String, Object> status = Json.object(body);
        return new ImmigrationStatus(Json.text(status.get("country")), status);
    }
}

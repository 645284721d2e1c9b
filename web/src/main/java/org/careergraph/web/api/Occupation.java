package org.careergraph.web.api;

import io.micronaut.core.annotation.Nullable;
import java.util.Map;

/**
 * An occupation as the catalog holds it: the fields the pages act on, and the whole document (its career page, the
 * publishers' records, provenance, findings), which the templates and the page helpers show as it is.
 */
public record Occupation(@Nullable String id, @Nullable String codeSystem, @Nullable String code,
                         @Nullable String revision, @Nullable String skillLevel, @Nullable Object page,
                         Map<String, Object> document) {

    static Occupation of(Object body) {
        Map<String, Object> o = Json.object(body);
        return new Occupation(o.get("id") instanceof String id ? id : null, Json.text(o.get("codeSystem")),
                Json.text(o.get("code")), Json.text(o.get("revision")), Json.text(o.get("skillLevel")), o.get("page"),
                o);
    }

    /** An editorial rating's value ({@code demandOutlook}, {@code competition}) as text; null where none is set. */
    @Nullable
    public String editorialRating(String name) {
        return Json.object(Json.object(document.get("editorial")).get(name)).get("value") instanceof Object value
                ? value.toString() : null;
    }
}

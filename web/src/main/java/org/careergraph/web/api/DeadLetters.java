package org.careergraph.web.api;

import java.util.List;
import java.util.Map;

/** A service's newest dead letters of a state, and how many it holds in all (the list's size when it does not say). */
public record DeadLetters(List<DeadLetter> letters, long total) {

    static DeadLetters of(Object body) {
        Map<String, Object> page = Json.object(body);
        if (!(page.get("items") instanceof List<?> items)) {
            return new DeadLetters(List.of(), 0);
        }
        return new DeadLetters(Json.objects(items).stream().map(DeadLetter::of).toList(),
                page.get("total") instanceof Number n ? n.longValue() : items.size());
    }
}

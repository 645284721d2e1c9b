package org.careergraph.web.api;

import io.micronaut.core.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scoring model in force and its latest re-score (with its progress), as {@code GET /api/scoring/model} gives
 * them: the model's parameters ({@code inForce}, sent back whole with new weights), its weights as text by dimension
 * (null when it gives none), and the whole document the console shows.
 */
public record ScoringModel(Map<String, Object> inForce, @Nullable Map<String, String> weights,
                           Map<String, Object> document) {

    static ScoringModel of(Object body) {
        Map<String, Object> current = Json.object(body);
        Map<String, String> weights = null;
        if (current.get("model") instanceof Map<?, ?> model && model.get("weights") instanceof Map<?, ?> given) {
            weights = new LinkedHashMap<>();
            for (Map.Entry<?, ?> weight : given.entrySet()) {
                weights.put(String.valueOf(weight.getKey()), Json.text(weight.getValue()));
            }
        }
        return new ScoringModel(Json.object(current.get("model")), weights, current);
    }
}

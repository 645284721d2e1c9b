package org.careergraph.web.api;

import io.micronaut.core.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An occupation's score: its eight dimensions' values by key, the model it was made with, each dimension's
 * explanation by key, and the whole document the templates show.
 */
public record Score(Map<String, Object> dimensions, @Nullable Object modelVersion,
                    Map<String, Object> explanations, Map<String, Object> document) {

    static Score of(Object body) {
        Map<String, Object> score = Json.object(body);
        Map<String, Object> explanations = new LinkedHashMap<>();
        for (Map<String, Object> dimension : Json.objects(Json.object(score.get("explanation")).get("dimensions"))) {
            explanations.put(String.valueOf(dimension.get("dimension")), dimension);
        }
        return new Score(Json.object(score.get("dimensions")), score.get("modelVersion"), explanations, score);
    }

    /** One dimension's value ({@code aiResilience}); null where the score has none. */
    @Nullable
    public Object rating(String dimension) {
        return dimensions.get(dimension);
    }
}

package org.careergraph.web.api;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.careergraph.web.Urls;

/** The scoring service's API as the pages use it: scores, their history, rankings, and the scoring model. */
@Singleton
public class ScoringClient {

    private static final String MODEL = "/api/scoring/model";

    private final ServiceTransport transport;

    ScoringClient(ServiceTransport transport) {
        this.transport = transport;
    }

    /** An occupation's score (404 when it is not scored yet). */
    public Answer<Score> score(String id) {
        return transport.get(Backend.SCORING, "/api/scores/" + Urls.segment(id)).as(Score::of);
    }

    /** The latest moves of an occupation's score, at most {@code limit}. */
    public Answer<List<Object>> history(String id, int limit) {
        return transport.get(Backend.SCORING, "/api/scores/" + Urls.segment(id) + "/history?limit=" + limit)
                .as(Json::array);
    }

    /** The occupations of a code system in the order of one dimension, best first, at most {@code limit}. */
    public List<RankingEntry> rankings(String dimension, String codeSystem, int limit) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("dimension", dimension);
        query.put("codeSystem", codeSystem);
        query.put("limit", limit);
        return Json.objects(Json.object(transport.get(Backend.SCORING, "/api/rankings" + Urls.query(query)).body())
                .get("entries")).stream().map(RankingEntry::of).toList();
    }

    /** The model in force and its latest re-score. */
    public ScoringModel model() {
        return ScoringModel.of(transport.get(Backend.SCORING, MODEL).body());
    }

    /** The overall scores that {@code model} would move (nothing stored): the preview document. */
    public Answer<Map<String, Object>> previewModel(Map<String, Object> model, @Nullable String note, String bearer) {
        return transport.send(Backend.SCORING, "POST", MODEL + "/preview", change(model, note), Map.of(), bearer)
                .as(Json::object);
    }

    /** Makes {@code model} the model in force: 202 when a re-score is queued, 200 when nothing changed. */
    public Answer<Void> saveModel(Map<String, Object> model, @Nullable String note, String bearer) {
        return transport.send(Backend.SCORING, "PUT", MODEL, change(model, note), Map.of(), bearer).as(body -> null);
    }

    private static Map<String, Object> change(Map<String, Object> model, @Nullable String note) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("model", model);
        change.put("note", note);
        return change;
    }
}

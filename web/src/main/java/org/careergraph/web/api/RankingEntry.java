package org.careergraph.web.api;

import io.micronaut.core.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.Map;

/** One occupation of the scoring service's ranking: who, its titles, its value and the model it is of. */
public record RankingEntry(String occupationId, @Nullable Object codeSystem, @Nullable Object titleEn,
                           @Nullable Object titleZh, @Nullable Object value, @Nullable Object modelVersion) {

    static RankingEntry of(Map<String, Object> entry) {
        return new RankingEntry(String.valueOf(entry.get("occupationId")), entry.get("codeSystem"),
                entry.get("titleEn"), entry.get("titleZh"), entry.get("value"), entry.get("modelVersion"));
    }

    /** The occupation's code from its id ({@code anzsco-411215} is 411215). */
    public String code() {
        return occupationId.substring(occupationId.indexOf('-') + 1);
    }

    /** What the entry says of the occupation, in a catalog summary's field names. */
    public Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", occupationId);
        summary.put("codeSystem", codeSystem);
        summary.put("code", code());
        summary.put("titleEn", titleEn);
        summary.put("titleZh", titleZh);
        return summary;
    }
}

package org.careergraph.web.api;

import java.util.List;
import java.util.Map;

/** The catalog's major groups (code, code system, titles, counts), as the pages list them. */
public record MajorGroups(List<Map<String, Object>> groups) {

    static MajorGroups of(Object body) {
        return new MajorGroups(Json.objects(body));
    }

    /** Whether a group of this code is listed. */
    public boolean has(String code) {
        return groups.stream().anyMatch(group -> code.equals(String.valueOf(group.get("code"))));
    }

    /** Whether any Chinese group title is our editorial translation (the page then says so). */
    public boolean editorialTitles() {
        return groups.stream().anyMatch(group -> Boolean.TRUE.equals(group.get("titleZhIsEditorial")));
    }
}

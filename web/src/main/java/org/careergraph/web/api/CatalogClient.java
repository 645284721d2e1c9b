package org.careergraph.web.api;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.careergraph.web.Urls;

/** The catalog service's API as the pages use it: search, occupations, their revisions, groups, releases, edits. */
@Singleton
public class CatalogClient {

    private static final String OCCUPATIONS = "/api/occupations";

    private final ServiceTransport transport;

    CatalogClient(ServiceTransport transport) {
        this.transport = transport;
    }

    /**
     * A page of the search; {@code parameters} are the search API's own ({@code q}, {@code codeSystem}, the filters,
     * {@code sort}, {@code page}, {@code size}), those without a value left out. A refused filter is the answer's
     * problem, by field.
     */
    public Answer<Occupations> search(Map<String, ?> parameters) {
        return transport.get(Backend.CATALOG, OCCUPATIONS + Urls.query(parameters)).as(Occupations::of);
    }

    /** The occupation of this id among those whose code starts with {@code code} in the code system, if any. */
    public Optional<OccupationSummary> summary(String id, String codeSystem, String code) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("codeSystem", codeSystem);
        query.put("codePrefix", code);
        query.put("size", 1);
        return search(query).value().items().stream().filter(item -> id.equals(item.id())).findFirst();
    }

    /** An occupation by its id (404, or 400 for an id of no shape the catalog knows, when there is none). */
    public Answer<Occupation> occupation(String id) {
        return transport.get(Backend.CATALOG, OCCUPATIONS + "/" + Urls.segment(id)).as(Occupation::of);
    }

    /** The occupation's page revisions, newest first (none when it has none or there is no such occupation). */
    public List<Object> revisions(String id) {
        return Json.array(transport.get(Backend.CATALOG, OCCUPATIONS + "/" + Urls.segment(id) + "/revisions").body());
    }

    /** Every code system's major groups. */
    public MajorGroups groups() {
        return groups(null);
    }

    /** The major groups of one code system (every one's when null). */
    public MajorGroups groups(@Nullable String codeSystem) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("codeSystem", codeSystem);
        return MajorGroups.of(transport.get(Backend.CATALOG, OCCUPATIONS + "/groups" + Urls.query(query)).body());
    }

    /** The official releases imported, each with its series, version and attribution line. */
    public List<Object> releases() {
        return Json.array(transport.get(Backend.CATALOG, "/api/releases").body());
    }

    /**
     * Saves an occupation's page, skill level and editorial ratings ({@code input} as the API takes it), if it is
     * still at {@code revision} (412 when it changed meanwhile), with the admin's or editor's token.
     */
    public Answer<Void> save(String id, @Nullable String revision, Map<String, Object> input, String bearer) {
        return transport.send(Backend.CATALOG, "PUT", OCCUPATIONS + "/" + Urls.segment(id), input,
                Map.of("If-Match", "\"" + revision + "\""), bearer).as(body -> null);
    }
}

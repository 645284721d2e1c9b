package org.careergraph.web.compare;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.careergraph.web.Urls;
import org.careergraph.web.api.Answer;
import org.careergraph.web.api.CatalogClient;
import org.careergraph.web.api.ImmigrationClient;
import org.careergraph.web.api.ImmigrationStatus;
import org.careergraph.web.api.Later;
import org.careergraph.web.api.Occupation;
import org.careergraph.web.api.Score;
import org.careergraph.web.api.ScoringClient;
import org.careergraph.web.api.ServiceTransport;
import org.careergraph.web.career.Sources;
import org.careergraph.web.view.PageContext;
import org.careergraph.web.view.Views;

/**
 * Two to four occupations side by side: titles, the score and its eight dimensions, median wage, projected change
 * and openings, entry education, preparation, AI exposure and applicability, and the immigration status; every
 * figure with where it came from, as on the career pages.
 */
@Controller("/compare")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class CompareController {

    private final CatalogClient catalog;
    private final ScoringClient scoring;
    private final ImmigrationClient immigration;
    private final ServiceTransport transport;
    private final Views views;

    CompareController(CatalogClient catalog, ScoringClient scoring, ImmigrationClient immigration,
                      ServiceTransport transport, Views views) {
        this.catalog = catalog;
        this.scoring = scoring;
        this.immigration = immigration;
        this.transport = transport;
        this.views = views;
    }

    /** One compared occupation, as its column shows it. */
    record Column(String id, Map<String, Object> occupation, Map<?, ?> official, Sources sources,
                  @Nullable Map<String, Object> score, @Nullable Map<String, Object> status,
                  @Nullable Object medianWage, String removeUrl) {
    }

    /** What is asked of the services for one occupation, all at once. */
    private record Asked(Later<Answer<Occupation>> occupation, Later<Answer<Score>> score,
                         Later<Answer<ImmigrationStatus>> status) {
    }

    @Get
    HttpResponse<String> compare(HttpRequest<?> request) {
        Optional<List<String>> parsed = ComparedIds.parse(request.getParameters().getAll("ids"));
        if (parsed.isEmpty()) {
            return views.error(request, HttpStatus.BAD_REQUEST, "error.compareId");
        }
        List<String> ids = parsed.get();
        if (ids.size() < ComparedIds.MIN || ids.size() > ComparedIds.MAX) {
            return views.error(request, HttpStatus.BAD_REQUEST, "error.compareCount");
        }
        Map<String, Asked> asked = new LinkedHashMap<>();
        for (String id : ids) {
            asked.put(id, new Asked(transport.later(() -> catalog.occupation(id)),
                    transport.later(() -> scoring.score(id)), transport.later(() -> immigration.status(id))));
        }
        Later<List<Object>> askedReleases = transport.later(catalog::releases);
        for (Asked each : asked.values()) {
            int status = each.occupation().get().status();
            if (status == 404 || status == 400) {
                return views.error(request, HttpStatus.NOT_FOUND, "error.noOccupation");
            }
        }

        PageContext page = views.context(request);
        List<Object> releases = askedReleases.get();
        List<Column> columns = new ArrayList<>();
        Set<String> attributions = new LinkedHashSet<>();
        for (String id : ids) {
            Asked each = asked.get(id);
            Map<String, Object> occupation = each.occupation().get().value().document();
            Sources sources = new Sources(occupation, releases, page);
            attributions.addAll(sources.attributions(occupation));
            Map<?, ?> official = page.at(occupation, "page.official") instanceof Map<?, ?> o ? o : Map.of();
            Answer<Score> score = each.score().get();
            Answer<ImmigrationStatus> status = each.status().get();
            columns.add(new Column(id, occupation, official, sources,
                    score.isSuccess() ? score.value().document() : null,
                    status.isSuccess() ? status.value().document() : null, medianWage(official, page),
                    removeUrl(ids, id)));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("columns", columns);
        model.put("addUrl", ids.size() < ComparedIds.MAX ? "/" + Urls.query(Map.of("compare",
                ComparedIds.join(ids))) : null);
        model.put("attributions", List.copyOf(attributions));
        return views.page(request, "compare", model);
    }

    /** The OEWS median wage a year (the 50th percentile), where BLS publishes one. */
    @Nullable
    static Object medianWage(Map<?, ?> official, PageContext page) {
        if (page.at(official, "wages.percentiles") instanceof List<?> percentiles) {
            for (Object percentile : percentiles) {
                if (percentile instanceof Map<?, ?> p && "50".equals(String.valueOf(p.get("percentile")))) {
                    return p.get("annual");
                }
            }
        }
        return null;
    }

    /** The comparison without one occupation; with one left, the catalog to pick another to compare it with. */
    static String removeUrl(List<String> ids, String removed) {
        List<String> rest = ids.stream().filter(id -> !id.equals(removed)).toList();
        return rest.size() >= ComparedIds.MIN ? "/compare" + Urls.query(Map.of("ids", ComparedIds.join(rest)))
                : "/" + Urls.query(Map.of("compare", ComparedIds.join(rest)));
    }
}

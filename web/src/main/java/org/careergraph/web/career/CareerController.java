package org.careergraph.web.career;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.careergraph.web.api.ApiResponse;
import org.careergraph.web.api.Backend;
import org.careergraph.web.api.ServiceApi;
import org.careergraph.web.view.PageContext;
import org.careergraph.web.view.Views;
import org.careergraph.web.watch.WatchForm;

/**
 * A career page: every section of the catalog's page and of the publishers' records (description, tasks, job zone or
 * skill level, groups, wages, outlook, AI exposure, other titles), each with its source, the data-quality findings,
 * the score with its eight dimensions and history, the immigration status with the rules behind it and what is
 * announced, the page's revisions, and the attribution lines of the releases it shows.
 */
@Controller("/occupations")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
public class CareerController {

    private static final int HISTORY_SHOWN = 100;
    /** O*NET lists up to thousands of other titles for an occupation: the page names the first, counts the rest. */
    static final int ALTERNATE_TITLES_SHOWN = 25;
    /** The page's own fields the "fit and prospects" section shows. */
    private static final List<String> FIT_FIELDS = List.of("/suitableFor", "/notSuitableFor", "/careerProspects",
            "/outlook", "/growthAreas");

    private final ServiceApi api;
    private final Views views;

    CareerController(ServiceApi api, Views views) {
        this.api = api;
        this.views = views;
    }

    @Get("/{id}")
    HttpResponse<String> show(HttpRequest<?> request, @PathVariable String id) {
        return page(request, id, WatchForm.empty());
    }

    /** The career page, with the watch form as given (filled in again with its errors after a refused subscribe). */
    public MutableHttpResponse<String> page(HttpRequest<?> request, String id, WatchForm watch) {
        String path = ServiceApi.segment(id);
        // Each section's owner is asked at once; the page waits for the slowest, not for their sum.
        CompletableFuture<ApiResponse> askedOccupation = api.getLater(Backend.CATALOG, "/api/occupations/" + path);
        CompletableFuture<ApiResponse> askedScore = api.getLater(Backend.SCORING, "/api/scores/" + path);
        CompletableFuture<ApiResponse> askedHistory = api.getLater(Backend.SCORING,
                "/api/scores/" + path + "/history?limit=" + HISTORY_SHOWN);
        CompletableFuture<ApiResponse> askedStatus = api.getLater(Backend.IMMIGRATION,
                "/api/immigration/occupations/" + path + "/status");
        CompletableFuture<ApiResponse> askedRevisions = api.getLater(Backend.CATALOG,
                "/api/occupations/" + path + "/revisions");
        CompletableFuture<ApiResponse> askedReleases = api.getLater(Backend.CATALOG, "/api/releases");
        ApiResponse occupation = ServiceApi.await(askedOccupation);
        if (occupation.status() == 404 || occupation.status() == 400) {
            return views.error(request, HttpStatus.NOT_FOUND, "error.noOccupation");
        }
        PageContext page = views.context(request);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("occupation", occupation.json());
        model.put("occupationPage", occupation.json().getOrDefault("page", Map.of()));
        model.putAll(official(occupation.json(), page));
        model.putAll(feed(occupation.json(), id, page));

        ApiResponse score = ServiceApi.await(askedScore);
        model.put("score", score.isSuccess() ? score.json() : null);
        if (score.isSuccess()) {
            Map<?, ?> dimensions = score.json().get("dimensions") instanceof Map<?, ?> d ? d : Map.of();
            model.put("dimensionsChart", Charts.dimensions(dimensions, page));
            model.put("explanations", explanations(score.json()));
        }
        ApiResponse history = ServiceApi.await(askedHistory);
        List<Object> moves = history.isSuccess() ? history.list() : List.of();
        model.put("history", moves);
        model.put("historyChart", moves.isEmpty() ? null : Charts.history(moves, page));

        ApiResponse status = ServiceApi.await(askedStatus);
        model.put("status", status.isSuccess() ? status.json() : null);
        model.put("announced", status.isSuccess() ? announced(status.json(), occupation.json()) : List.of());

        ApiResponse revisions = ServiceApi.await(askedRevisions);
        model.put("revisions", Revisions.readable(revisions.list(), page));
        Sources sources = new Sources(occupation.json(), ServiceApi.await(askedReleases).list(), page);
        model.put("sources", sources);
        model.put("attributions", sources.attributions(occupation.json()));
        model.put("watch", watch);
        model.put("kinds", WatchForm.KINDS);
        return views.page(request, watch.errors().isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY, "career",
                model);
    }

    /**
     * What the page shows of the publishers' records beyond their values as they are: tasks with the core ones first,
     * the wage chart, the first alternate titles and how many more there are.
     */
    static Map<String, Object> official(Map<String, Object> occupation, PageContext page) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("official", page.at(occupation, "page.official") instanceof Map<?, ?> o ? o : Map.of());
        model.put("classificationGroups", page.at(occupation, "page.official.groups") instanceof List<?> g ? g
                : List.of());
        model.put("aiImpactGiven", Sources.hasValue(occupation, "/aiImpact"));
        model.put("fitGiven", FIT_FIELDS.stream().anyMatch(field -> Sources.hasValue(occupation, field)));
        List<?> tasks = page.at(occupation, "page.official.tasks") instanceof List<?> list ? list : List.of();
        // Core tasks are critical to the occupation (O*NET); supplemental ones follow, each group in the given order.
        model.put("tasks", tasks.stream().filter(Map.class::isInstance)
                .sorted(Comparator.comparing(task -> !Boolean.TRUE.equals(((Map<?, ?>) task).get("core")))).toList());
        List<?> percentiles = page.at(occupation, "page.official.wages.percentiles") instanceof List<?> list
                ? list : List.of();
        String wagesChart = Charts.wages(percentiles, page);
        model.put("wagesChart", wagesChart);
        List<?> bands = page.at(occupation, "page.salaryBands") instanceof List<?> list ? list : List.of();
        // Bands a release made from the wage percentiles (OEWS: 10th-25th, 25th-75th, 75th-90th) say what the wage
        // chart below them draws: they are not drawn twice.
        boolean bandsFromWages = wagesChart != null
                && "RELEASE".equals(page.at(occupation, "provenance.fields./salaryBands.kind"));
        model.put("salaryCharts", bandsFromWages ? List.of()
                : Charts.salary(bands, page.at(occupation, "page.official.wages"), page));
        model.put("topCoded", percentiles.stream().anyMatch(p -> Boolean.TRUE.equals(page.at(p, "annual.atLeast"))
                || Boolean.TRUE.equals(page.at(p, "hourly.atLeast"))));
        List<?> titles = page.at(occupation, "page.official.alternateTitles") instanceof List<?> list
                ? list : List.of();
        model.put("alternateTitles", titles.subList(0, Math.min(titles.size(), ALTERNATE_TITLES_SHOWN)));
        model.put("moreTitles", Math.max(0, titles.size() - ALTERNATE_TITLES_SHOWN));
        List<?> findings = page.at(occupation, "findings.items") instanceof List<?> list ? list : List.of();
        model.put("findings", findings);
        return model;
    }

    /**
     * The occupation's Atom feed (the notification service's {@code /api/feeds/{id}.atom}, on the same origin), in
     * the reader's language: {@code feedUrl} for the page's link and its {@code <link rel="alternate">}, and
     * {@code feedTitle} naming the occupation.
     */
    static Map<String, Object> feed(Map<String, Object> occupation, String requestedId, PageContext page) {
        String id = occupation.get("id") instanceof String given && !given.isBlank() ? given : requestedId;
        String url = "/api/feeds/" + ServiceApi.segment(id) + ".atom" + (page.getLang().equals("zh") ? "?lang=zh" : "");
        String title = page.getT().get("feed.title").replace("{0}", page.title(occupation));
        return Map.of("feedUrl", url, "feedTitle", title);
    }

    /** Each dimension's explanation from the score, by dimension key. */
    private static Map<String, Object> explanations(Map<String, Object> score) {
        Map<String, Object> byDimension = new LinkedHashMap<>();
        if (score.get("explanation") instanceof Map<?, ?> explanation
                && explanation.get("dimensions") instanceof List<?> dimensions) {
            for (Object dimension : dimensions) {
                if (dimension instanceof Map<?, ?> d) {
                    byDimension.put(String.valueOf(d.get("dimension")), d);
                }
            }
        }
        return byDimension;
    }

    /** Rules announced for later in the status's country that apply to this occupation: its own, or everyone's. */
    private List<Object> announced(Map<String, Object> status, Map<String, Object> occupation) {
        Object country = status.get("country");
        if (country == null) {
            return List.of();
        }
        ApiResponse rules = api.get(Backend.IMMIGRATION, "/api/immigration/rules"
                + ServiceApi.query(Map.of("country", country)), null);
        if (!(rules.json().get("upcoming") instanceof List<?> upcoming)) {
            return List.of();
        }
        return upcoming.stream().filter(rule -> rule instanceof Map<?, ?> r && (r.get("code") == null
                || Objects.equals(r.get("code"), occupation.get("code"))
                && Objects.equals(r.get("codeSystem"), occupation.get("codeSystem")))).map(rule -> (Object) rule)
                .toList();
    }
}

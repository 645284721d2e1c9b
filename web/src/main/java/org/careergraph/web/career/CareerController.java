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

    private final CatalogClient catalog;
    private final ScoringClient scoring;
    private final ImmigrationClient immigration;
    private final ServiceTransport transport;
    private final Views views;

    CareerController(CatalogClient catalog, ScoringClient scoring, ImmigrationClient immigration,
                     ServiceTransport transport, Views views) {
        this.catalog = catalog;
        this.scoring = scoring;
        this.immigration = immigration;
        this.transport = transport;
        this.views = views;
    }

    @Get("/{id}")
    HttpResponse<String> show(HttpRequest<?> request, @PathVariable String id) {
        return page(request, id, WatchForm.empty());
    }

    /** The career page, with the watch form as given (filled in again with its errors after a refused subscribe). */
    public MutableHttpResponse<String> page(HttpRequest<?> request, String id, WatchForm watch) {
        // Each section's owner is asked at once; the page waits for the slowest, not for their sum.
        Later<Answer<Occupation>> askedOccupation = transport.later(() -> catalog.occupation(id));
        Later<Answer<Score>> askedScore = transport.later(() -> scoring.score(id));
        Later<Answer<List<Object>>> askedHistory = transport.later(() -> scoring.history(id, HISTORY_SHOWN));
        Later<Answer<ImmigrationStatus>> askedStatus = transport.later(() -> immigration.status(id));
        Later<List<Object>> askedRevisions = transport.later(() -> catalog.revisions(id));
        Later<List<Object>> askedReleases = transport.later(catalog::releases);
        Answer<Occupation> answer = askedOccupation.get();
        if (answer.status() == 404 || answer.status() == 400) {
            return views.error(request, HttpStatus.NOT_FOUND, "error.noOccupation");
        }
        Occupation occupation = answer.value();
        PageContext page = views.context(request);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("occupation", occupation.document());
        model.put("occupationPage", occupation.page() == null ? Map.of() : occupation.page());
        model.putAll(official(occupation.document(), page));
        model.putAll(feed(occupation, id, page));

        Answer<Score> score = askedScore.get();
        model.put("score", score.isSuccess() ? score.value().document() : null);
        if (score.isSuccess()) {
            model.put("dimensionsChart", Charts.dimensions(score.value().dimensions(), page));
            model.put("explanations", score.value().explanations());
        }
        Answer<List<Object>> history = askedHistory.get();
        List<Object> moves = history.isSuccess() ? history.value() : List.of();
        model.put("history", moves);
        model.put("historyChart", moves.isEmpty() ? null : Charts.history(moves, page));

        Answer<ImmigrationStatus> status = askedStatus.get();
        model.put("status", status.isSuccess() ? status.value().document() : null);
        model.put("announced", status.isSuccess() ? announced(status.value(), occupation) : List.of());

        model.put("revisions", Revisions.readable(askedRevisions.get(), page));
        Sources sources = new Sources(occupation.document(), askedReleases.get(), page);
        model.put("sources", sources);
        model.put("attributions", sources.attributions(occupation.document()));
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
    static Map<String, Object> feed(Occupation occupation, String requestedId, PageContext page) {
        String id = occupation.id() != null && !occupation.id().isBlank() ? occupation.id() : requestedId;
        String url = "/api/feeds/" + Urls.segment(id) + ".atom" + (page.getLang().equals("zh") ? "?lang=zh" : "");
        String title = page.getT().get("feed.title").replace("{0}", page.title(occupation.document()));
        return Map.of("feedUrl", url, "feedTitle", title);
    }

    /** Rules announced for later in the status's country that apply to this occupation: its own, or everyone's. */
    private List<Object> announced(ImmigrationStatus status, Occupation occupation) {
        if (status.country() == null) {
            return List.of();
        }
        return immigration.upcomingRules(status.country()).stream().filter(rule -> rule.appliesTo(occupation))
                .map(rule -> (Object) rule.document()).toList();
    }
}

package org.careergraph.web.ranking;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.careergraph.web.Urls;
import org.careergraph.web.api.Answer;
import org.careergraph.web.api.CatalogClient;
import org.careergraph.web.api.Later;
import org.careergraph.web.api.MajorGroups;
import org.careergraph.web.api.OccupationSummary;
import org.careergraph.web.api.Occupations;
import org.careergraph.web.api.RankingEntry;
import org.careergraph.web.api.Score;
import org.careergraph.web.api.ScoringClient;
import org.careergraph.web.api.ServiceTransport;
import org.careergraph.web.career.Sources;
import org.careergraph.web.view.PageContext;
import org.careergraph.web.view.Views;

/**
 * The rankings: safest from AI, best paid and fastest growing, for the US or New Zealand, of all occupations or one
 * major group, 50 a page. Each list says what it ranks by and where the figure came from ({@link RankingList}), and
 * links every occupation to its career page.
 */
@Controller("/rankings")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class RankingController {

    static final int PAGE_SIZE = 50;
    /** The most the scoring service ranks in one answer (its own limit): New Zealand lists are its top 100. */
    static final int SCORING_LIMIT = 100;
    /** Far beyond any list; keeps page arithmetic from overflowing. */
    private static final int LAST_PAGE = 1_000;

    private final CatalogClient catalog;
    private final ScoringClient scoring;
    private final ServiceTransport transport;
    private final Views views;

    RankingController(CatalogClient catalog, ScoringClient scoring, ServiceTransport transport, Views views) {
        this.catalog = catalog;
        this.scoring = scoring;
        this.transport = transport;
        this.views = views;
    }

    /** One ranked occupation: its place in the list, its summary (titles, code, figures) and our rating. */
    record Row(int rank, String id, Map<?, ?> occupation, @Nullable Object rating) {
    }

    @Get
    HttpResponse<String> index(HttpRequest<?> request) {
        return views.page(request, "rankings/index", Map.of("lists", slugs(), "countries", countries()));
    }

    @Get("/{list}")
    HttpResponse<String> list(HttpRequest<?> request, @PathVariable("list") String slug,
                              @QueryValue @Nullable String country, @QueryValue @Nullable String group,
                              @QueryValue @Nullable Integer page) {
        RankingList list = RankingList.bySlug(slug).orElse(null);
        if (list == null) {
            return views.error(request, HttpStatus.NOT_FOUND, "error.notFound");
        }
        Country where = Country.parse(country).orElse(null);
        int pageNumber = page == null ? 0 : page;
        if (where == null || pageNumber < 0 || pageNumber > LAST_PAGE) {
            return views.error(request, HttpStatus.BAD_REQUEST, "error.rankingFilter");
        }
        Later<List<Object>> askedReleases = transport.later(catalog::releases);
        MajorGroups groups = catalog.groups(where.codeSystem());
        String majorGroup = group == null || group.isBlank() ? null : group.strip();
        if (majorGroup != null && !groups.has(majorGroup)) {
            return views.error(request, HttpStatus.BAD_REQUEST, "error.rankingFilter");
        }

        Ranked ranked = where == Country.US ? published(list, majorGroup, pageNumber)
                : rated(list, majorGroup, pageNumber);
        if (ranked.rows().isEmpty() && pageNumber > 0) {
            return views.error(request, HttpStatus.NOT_FOUND, "error.notFound");
        }
        PageContext context = views.context(request);
        Sources sources = Sources.ofReleases(askedReleases.get(), context);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("list", list.slug());
        model.put("dimension", list.dimension());
        model.put("country", where.name());
        model.put("lists", slugs());
        model.put("countries", countries());
        model.put("groups", groups.groups());
        model.put("group", majorGroup);
        model.put("groupTitlesEditorial", groups.editorialTitles());
        model.put("rows", ranked.rows());
        model.put("modelVersion", ranked.modelVersion());
        model.put("figureSources", where == Country.US ? list.series().stream().map(sources::inForceLabel)
                .filter(Objects::nonNull).toList() : List.of());
        model.put("previousUrl", pageNumber > 0 ? url(list, where, majorGroup, pageNumber - 1) : null);
        model.put("nextUrl", ranked.more() ? url(list, where, majorGroup, pageNumber + 1) : null);
        List<String> series = new ArrayList<>(where == Country.US ? list.series() : List.of());
        series.add(where.classificationSeries());
        series.add("ZH_TITLES");
        model.put("attributions", sources.attributionsInForce(series));
        return views.page(request, "rankings/list", model);
    }

    /** A page of a list and whether another follows; {@code modelVersion}: the scoring model the ratings are of. */
    private record Ranked(List<Row> rows, boolean more, @Nullable Object modelVersion) {
    }

    /**
     * US occupations in the catalog's order of the published figure; those without the figure are left out (they
     * come last, so a page that has any is the list's last). Our rating beside each, asked of the scoring service
     * for the page's occupations at once.
     */
    private Ranked published(RankingList list, @Nullable String majorGroup, int pageNumber) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("codeSystem", Country.US.codeSystem());
        query.put("majorGroup", majorGroup);
        if (list.figureFilter() != null) {
            query.put(list.figureFilter(), 0);
        }
        query.put("sort", list.catalogSort());
        query.put("page", pageNumber);
        query.put("size", PAGE_SIZE);
        Answer<Occupations> result = catalog.search(query);
        if (!result.isSuccess()) {
            throw new IllegalStateException("The catalog refused the ranking's own query: " + result.problem().detail());
        }
        List<OccupationSummary> items = result.value().items();
        List<OccupationSummary> withFigure = items.stream().filter(item -> item.figure(list.figure()) != null)
                .toList();
        Map<String, Later<Answer<Score>>> scores = new LinkedHashMap<>();
        withFigure.forEach(item -> scores.put(item.id(), transport.later(() -> scoring.score(item.id()))));
        List<Row> rows = new ArrayList<>();
        Object modelVersion = null;
        for (OccupationSummary item : withFigure) {
            Answer<Score> score = scores.get(item.id()).get();
            Object rating = score.isSuccess() ? score.value().rating(list.dimension()) : null;
            if (rating != null && modelVersion == null) {
                modelVersion = score.value().modelVersion();
            }
            rows.add(new Row(pageNumber * PAGE_SIZE + rows.size() + 1, item.id(), item.document(), rating));
        }
        long total = result.value().total();
        boolean more = withFigure.size() == items.size() && total > (long) (pageNumber + 1) * PAGE_SIZE;
        return new Ranked(rows, more, modelVersion);
    }

    /**
     * New Zealand occupations in the order of our rating (the scoring service's ranking, which has neither groups
     * nor pages: its top 100, filtered and paged here). Each row's summary is the catalog's, for the Chinese title's
     * translation mark; the ranking's own titles stand in where the catalog has none.
     */
    private Ranked rated(RankingList list, @Nullable String majorGroup, int pageNumber) {
        List<RankingEntry> entries = scoring.rankings(list.dimension(), Country.NZ.codeSystem(), SCORING_LIMIT)
                .stream().filter(entry -> majorGroup == null || entry.code().startsWith(majorGroup)).toList();
        int from = Math.min(pageNumber * PAGE_SIZE, entries.size());
        List<RankingEntry> shown = entries.subList(from, Math.min(from + PAGE_SIZE, entries.size()));
        List<Later<Optional<OccupationSummary>>> summaries = shown.stream().map(entry -> transport.later(
                () -> catalog.summary(entry.occupationId(), Country.NZ.codeSystem(), entry.code()))).toList();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            RankingEntry entry = shown.get(i);
            Map<?, ?> summary = summaries.get(i).get().map(OccupationSummary::document).orElse(entry.summary());
            rows.add(new Row(from + i + 1, entry.occupationId(), summary, entry.value()));
        }
        return new Ranked(rows, entries.size() > from + PAGE_SIZE,
                entries.isEmpty() ? null : entries.getFirst().modelVersion());
    }

    private static String url(RankingList list, Country country, @Nullable String group, int page) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("country", country == Country.US ? null : country.name());
        query.put("group", group);
        query.put("page", page == 0 ? null : page);
        return "/rankings/" + list.slug() + Urls.query(query);
    }

    private static List<String> slugs() {
        return Arrays.stream(RankingList.values()).map(RankingList::slug).toList();
    }

    private static List<String> countries() {
        return Arrays.stream(Country.values()).map(Country::name).toList();
    }
}

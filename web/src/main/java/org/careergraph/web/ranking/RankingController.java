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
import java.util.concurrent.CompletableFuture;
import org.careergraph.web.api.ApiResponse;
import org.careergraph.web.api.Backend;
import org.careergraph.web.api.ServiceApi;
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

    private final ServiceApi api;
    private final Views views;

    RankingController(ServiceApi api, Views views) {
        this.api = api;
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
        CompletableFuture<ApiResponse> askedReleases = api.getLater(Backend.CATALOG, "/api/releases");
        List<Object> groups = api.get(Backend.CATALOG, "/api/occupations/groups"
                + ServiceApi.query(Map.of("codeSystem", where.codeSystem())), null).list();
        String majorGroup = group == null || group.isBlank() ? null : group.strip();
        if (majorGroup != null && groups.stream().noneMatch(g -> g instanceof Map<?, ?> m
                && majorGroup.equals(String.valueOf(m.get("code"))))) {
            return views.error(request, HttpStatus.BAD_REQUEST, "error.rankingFilter");
        }

        Ranked ranked = where == Country.US ? published(list, majorGroup, pageNumber)
                : rated(list, majorGroup, pageNumber);
        if (ranked.rows().isEmpty() && pageNumber > 0) {
            return views.error(request, HttpStatus.NOT_FOUND, "error.notFound");
        }
        PageContext context = views.context(request);
        Sources sources = Sources.ofReleases(ServiceApi.await(askedReleases).list(), context);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("list", list.slug());
        model.put("dimension", list.dimension());
        model.put("country", where.name());
        model.put("lists", slugs());
        model.put("countries", countries());
        model.put("groups", groups);
        model.put("group", majorGroup);
        model.put("groupTitlesEditorial", groups.stream()
                .anyMatch(g -> g instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("titleZhIsEditorial"))));
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
        ApiResponse result = api.get(Backend.CATALOG, "/api/occupations" + ServiceApi.query(query), null);
        if (!result.isSuccess()) {
            throw new IllegalStateException("The catalog refused the ranking's own query: " + result.problemDetail());
        }
        List<Map<?, ?>> items = maps(result.json().get("items"));
        List<Map<?, ?>> withFigure = items.stream().filter(item -> item.get(list.figure()) != null).toList();
        Map<String, CompletableFuture<ApiResponse>> scores = new LinkedHashMap<>();
        withFigure.forEach(item -> scores.put(String.valueOf(item.get("id")),
                api.getLater(Backend.SCORING, "/api/scores/" + ServiceApi.segment(String.valueOf(item.get("id"))))));
        List<Row> rows = new ArrayList<>();
        Object modelVersion = null;
        for (Map<?, ?> item : withFigure) {
            String id = String.valueOf(item.get("id"));
            ApiResponse score = ServiceApi.await(scores.get(id));
            Object rating = score.isSuccess() && score.json().get("dimensions") instanceof Map<?, ?> dimensions
                    ? dimensions.get(list.dimension()) : null;
            if (rating != null && modelVersion == null) {
                modelVersion = score.json().get("modelVersion");
            }
            rows.add(new Row(pageNumber * PAGE_SIZE + rows.size() + 1, id, item, rating));
        }
        long total = result.json().get("total") instanceof Number n ? n.longValue() : 0;
        boolean more = withFigure.size() == items.size() && total > (long) (pageNumber + 1) * PAGE_SIZE;
        return new Ranked(rows, more, modelVersion);
    }

    /**
     * New Zealand occupations in the order of our rating (the scoring service's ranking, which has neither groups
     * nor pages: its top 100, filtered and paged here). Each row's summary is the catalog's, for the Chinese title's
     * translation mark; the ranking's own titles stand in where the catalog has none.
     */
    private Ranked rated(RankingList list, @Nullable String majorGroup, int pageNumber) {
        ApiResponse ranking = api.get(Backend.SCORING, "/api/rankings" + ServiceApi.query(Map.of(
                "dimension", list.dimension(), "codeSystem", Country.NZ.codeSystem(), "limit", SCORING_LIMIT)), null);
        List<Map<?, ?>> entries = maps(ranking.json().get("entries")).stream()
                .filter(entry -> majorGroup == null || code(entry).startsWith(majorGroup)).toList();
        int from = Math.min(pageNumber * PAGE_SIZE, entries.size());
        List<Map<?, ?>> shown = entries.subList(from, Math.min(from + PAGE_SIZE, entries.size()));
        List<CompletableFuture<ApiResponse>> summaries = shown.stream().map(entry -> api.getLater(Backend.CATALOG,
                "/api/occupations" + ServiceApi.query(Map.of("codeSystem", Country.NZ.codeSystem(),
                        "codePrefix", code(entry), "size", 1)))).toList();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            Map<?, ?> entry = shown.get(i);
            String id = String.valueOf(entry.get("occupationId"));
            Map<?, ?> summary = maps(ServiceApi.await(summaries.get(i)).json().get("items")).stream()
                    .filter(item -> id.equals(item.get("id"))).findFirst().orElse(fromRanking(entry));
            rows.add(new Row(from + i + 1, id, summary, entry.get("value")));
        }
        return new Ranked(rows, entries.size() > from + PAGE_SIZE,
                entries.isEmpty() ? null : entries.getFirst().get("modelVersion"));
    }

    /** The occupation's code from its id ({@code anzsco-411215} is 411215). */
    private static String code(Map<?, ?> entry) {
        String id = String.valueOf(entry.get("occupationId"));
        return id.substring(id.indexOf('-') + 1);
    }

    /** What a ranking entry says of the occupation, in a summary's field names. */
    private static Map<String, Object> fromRanking(Map<?, ?> entry) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", entry.get("occupationId"));
        summary.put("codeSystem", entry.get("codeSystem"));
        summary.put("code", code(entry));
        summary.put("titleEn", entry.get("titleEn"));
        summary.put("titleZh", entry.get("titleZh"));
        return summary;
    }

    private static String url(RankingList list, Country country, @Nullable String group, int page) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("country", country == Country.US ? null : country.name());
        query.put("group", group);
        query.put("page", page == 0 ? null : page);
        return "/rankings/" + list.slug() + ServiceApi.query(query);
    }

    private static List<String> slugs() {
        return Arrays.stream(RankingList.values()).map(RankingList::slug).toList();
    }

    private static List<String> countries() {
        return Arrays.stream(Country.values()).map(Country::name).toList();
    }

    private static List<Map<?, ?>> maps(@Nullable Object list) {
        return list instanceof List<?> items ? items.stream().filter(Map.class::isInstance)
                .<Map<?, ?>>map(item -> (Map<?, ?>) item).toList() : List.of();
    }
}

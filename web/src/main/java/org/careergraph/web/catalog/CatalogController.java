package org.careergraph.web.catalog;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.careergraph.web.api.ApiResponse;
import org.careergraph.web.api.Backend;
import org.careergraph.web.api.ServiceApi;
import org.careergraph.web.view.Views;

/** The catalog page: search in either language, filters, sortable results with their overall score. */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class CatalogController {

    /** The search parameters the page passes on to the catalog's API, in the order the form shows them. */
    static final List<String> FILTERS = List.of("q", "codeSystem", "skilledMigration", "verdict", "greenListTier",
            "minScore", "maxScore", "sort");
    static final List<String> CODE_SYSTEMS = List.of("ANZSCO", "SOC", "NOL", "OSCA", "ISCO");
    static final List<String> VERDICTS = List.of("AMPLIFIED_BY_AI", "MIXED", "COMPRESSED_BY_AUTOMATION");
    static final List<String> SORTS = List.of("RELEVANCE", "TITLE", "SCORE_DESC", "CODE");
    private static final int PAGE_SIZE = 20;
    /** Far beyond any catalog; keeps page arithmetic from overflowing. */
    private static final int LAST_PAGE = 10_000;

    private final ServiceApi api;
    private final Views views;

    CatalogController(ServiceApi api, Views views) {
        this.api = api;
        this.views = views;
    }

    @Get
    HttpResponse<String> search(HttpRequest<?> request, @Nullable Integer page) {
        Map<String, String> filters = new LinkedHashMap<>();
        FILTERS.forEach(name -> filters.put(name, request.getParameters().get(name)));
        int pageNumber = page == null || page < 0 ? 0 : Math.min(page, LAST_PAGE);
        Map<String, Object> query = new LinkedHashMap<>(filters);
        query.put("page", pageNumber);
        query.put("size", PAGE_SIZE);
        ApiResponse result = api.get(Backend.CATALOG, "/api/occupations" + ServiceApi.query(query), null);

        Map<String, Object> model = new LinkedHashMap<>();
        model.put("filters", filters);
        model.put("codeSystems", CODE_SYSTEMS);
        model.put("verdicts", VERDICTS);
        model.put("sorts", SORTS);
        model.put("errors", result.fieldErrors());
        model.put("problem", result.isSuccess() ? null : result.problemDetail());
        model.put("items", result.json().getOrDefault("items", List.of()));
        long total = result.json().get("total") instanceof Number n ? n.longValue() : 0;
        model.put("total", total);
        model.put("pageNumber", pageNumber);
        model.put("previousUrl", pageNumber > 0 ? pageUrl(filters, pageNumber - 1) : null);
        model.put("nextUrl", (long) (pageNumber + 1) * PAGE_SIZE < total ? pageUrl(filters, pageNumber + 1) : null);
        model.put("sortUrls", Map.of("TITLE", pageUrl(with(filters, "sort", "TITLE"), 0),
                "CODE", pageUrl(with(filters, "sort", "CODE"), 0),
                "SCORE_DESC", pageUrl(with(filters, "sort", "SCORE_DESC"), 0)));
        // A filter the catalog refused is the reader's to fix: the form shows it, with the page's status saying so.
        HttpStatus status = result.status() / 100 == 4 ? HttpStatus.BAD_REQUEST : HttpStatus.OK;
        return views.page(request, status, "catalog", model);
    }

    private static Map<String, String> with(Map<String, String> filters, String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(filters);
        changed.put(name, value);
        return changed;
    }

    private static String pageUrl(Map<String, String> filters, int page) {
        Map<String, Object> query = new LinkedHashMap<>(filters);
        query.put("page", page == 0 ? null : page);
        return "/" + ServiceApi.query(query);
    }
}

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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.careergraph.web.Urls;
import org.careergraph.web.api.Answer;
import org.careergraph.web.api.CatalogClient;
import org.careergraph.web.api.Later;
import org.careergraph.web.api.MajorGroups;
import org.careergraph.web.api.Occupations;
import org.careergraph.web.api.ServiceTransport;
import org.careergraph.web.career.Sources;
import org.careergraph.web.compare.ComparedIds;
import org.careergraph.web.view.PageContext;
import org.careergraph.web.view.Views;

/**
 * The catalog page: search in either language, filters (by major group, level, wage and AI exposure too), sortable
 * results with their overall score, median wage and AI exposure, and the attribution of the releases they draw on.
 * Results can be ticked to compare; occupations picked before ({@code compare}) are carried through every link.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class CatalogController {

    /** The search parameters the page passes on to the catalog's API, in the order the form shows them. */
    static final List<String> FILTERS = List.of("q", "codeSystem", "majorGroup", "skilledMigration", "verdict",
            "greenListTier", "skillLevel", "jobZone", "minWage", "maxWage", "minExposure", "maxExposure", "minScore",
            "maxScore", "sort");
    /** Shown to readers in percent, asked of the catalog as a share from 0 to 1. */
    static final List<String> PERCENT_FILTERS = List.of("minExposure", "maxExposure");
    static final List<String> CODE_SYSTEMS = List.of("ANZSCO", "SOC", "NOL", "OSCA", "ISCO");
    static final List<String> VERDICTS = List.of("AMPLIFIED_BY_AI", "MIXED", "COMPRESSED_BY_AUTOMATION");
    static final List<String> SORTS = List.of("RELEVANCE", "TITLE", "SCORE_DESC", "WAGE_DESC", "EXPOSURE_DESC",
            "CODE");
    /** ANZSCO skill levels and O*NET job zones both run from 1 to 5. */
    static final List<Integer> LEVELS = List.of(1, 2, 3, 4, 5);
    /** The code systems whose major groups the catalog lists, in the order the form groups them. */
    static final List<String> GROUP_SYSTEMS = List.of("ANZSCO", "SOC");
    private static final int PAGE_SIZE = 20;
    /** Far beyond any catalog; keeps page arithmetic from overflowing. */
    private static final int LAST_PAGE = 10_000;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** The catalog's own limit on search text. */
    static final int MAX_TEXT = 200;
    static final List<String> TIERS = List.of("1", "2");
    /** A major group's code in any code system: {@code 2}, {@code 15-0000}. */
    private static final Pattern GROUP_CODE = Pattern.compile("[0-9A-Za-z-]{1,16}");
    /** The filters the form offers as a list, each with the values it offers. */
    private static final Map<String, List<String>> CHOICES = Map.of("codeSystem", CODE_SYSTEMS,
            "skilledMigration", List.of("true", "false"), "verdict", VERDICTS, "greenListTier", TIERS,
            "skillLevel", LEVELS.stream().map(String::valueOf).toList(),
            "jobZone", LEVELS.stream().map(String::valueOf).toList(), "sort", SORTS);
    private static final NumberFilter WAGE = new NumberFilter(Pattern.compile("\\d{1,9}(\\.\\d{1,2})?"),
            new BigDecimal("999999999.99"), "catalog.wageInvalid");
    private static final NumberFilter SCORE = new NumberFilter(Pattern.compile("\\d{1,2}(\\.\\d{1,3})?"),
            BigDecimal.TEN, "catalog.scoreInvalid");
    private static final NumberFilter PERCENT = new NumberFilter(Pattern.compile("\\d{1,3}(\\.\\d{1,4})?"),
            HUNDRED, "catalog.percentInvalid");
    private static final Map<String, NumberFilter> NUMBERS = Map.of("minWage", WAGE, "maxWage", WAGE,
            "minScore", SCORE, "maxScore", SCORE, "minExposure", PERCENT, "maxExposure", PERCENT);

    private final CatalogClient catalog;
    private final ServiceTransport transport;
    private final Views views;

    CatalogController(CatalogClient catalog, ServiceTransport transport, Views views) {
        this.catalog = catalog;
        this.transport = transport;
        this.views = views;
    }

    @Get
    HttpResponse<String> search(HttpRequest<?> request, @Nullable Integer page) {
        // The occupations picked to compare so far (from a career page or a comparison), carried while browsing.
        Optional<List<String>> picked = ComparedIds.parse(request.getParameters().getAll("compare"));
        if (picked.isEmpty()) {
            return views.error(request, HttpStatus.BAD_REQUEST, "error.compareId");
        }
        if (picked.get().size() >= ComparedIds.MAX) {
            return views.error(request, HttpStatus.BAD_REQUEST, "error.compareCount");
        }
        List<String> compare = picked.get();
        Map<String, String> filters = new LinkedHashMap<>();
        FILTERS.forEach(name -> filters.put(name, request.getParameters().get(name)));
        if (page != null && (page < 0 || page > LAST_PAGE)) {
            return views.refusedParameter(request, "page");
        }
        int pageNumber = page == null ? 0 : page;
        PageContext context = views.context(request);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> query = apiQuery(filters, errors, context);
        query.put("page", pageNumber);
        query.put("size", PAGE_SIZE);
        // The groups to browse by and the releases' attribution lines are asked alongside the search.
        Later<MajorGroups> askedGroups = transport.later(catalog::groups);
        Later<List<Object>> askedReleases = transport.later(catalog::releases);
        // A filter the page itself cannot read is not sent: the catalog would only refuse it in other words.
        Answer<Occupations> result = errors.isEmpty() ? catalog.search(query) : null;
        if (result != null) {
            errors.putAll(result.problem().fieldErrors());
        }

        Map<String, Object> model = new LinkedHashMap<>();
        model.put("filters", filters);
        model.put("codeSystems", CODE_SYSTEMS);
        model.put("verdicts", VERDICTS);
        model.put("sorts", SORTS);
        model.put("levels", LEVELS);
        model.put("tiers", TIERS);
        model.put("errors", errors);
        model.put("problem", result == null ? context.getT().get("catalog.invalid")
                : result.isSuccess() ? null : result.problem().detail());
        model.put("items", result == null ? List.of() : result.value().documents());
        long total = result == null ? 0 : result.value().total();
        model.put("total", total);
        model.put("pageNumber", pageNumber);
        model.put("previousUrl", pageNumber > 0 ? pageUrl(filters, pageNumber - 1, compare) : null);
        model.put("nextUrl", (long) (pageNumber + 1) * PAGE_SIZE < total
                ? pageUrl(filters, pageNumber + 1, compare) : null);
        Map<String, String> sortUrls = new LinkedHashMap<>();
        for (String sort : List.of("TITLE", "CODE", "SCORE_DESC", "WAGE_DESC", "EXPOSURE_DESC")) {
            sortUrls.put(sort, pageUrl(with(filters, "sort", sort), 0, compare));
        }
        model.put("compare", compare);
        model.put("compareParam", compare.isEmpty() ? null : ComparedIds.join(compare));
        model.put("compareCodes", compare.stream().map(CatalogController::code).toList());
        model.put("sortUrls", sortUrls);
        MajorGroups groups = askedGroups.get();
        model.put("groups", groupsBySystem(groups.groups()));
        model.put("groupTitlesEditorial", groups.editorialTitles());
        model.put("attributions", Sources.inForce(askedReleases.get()));
        // A filter the catalog refused is the reader's to fix: the form shows it, with the page's status saying so.
        HttpStatus status = result == null || result.status() / 100 == 4 ? HttpStatus.BAD_REQUEST : HttpStatus.OK;
        return views.page(request, status, "catalog", model);
    }

    /**
     * The catalog API's query for the form's filters, each read strictly: a choice must be one the form offers, a
     * number must be a plain decimal in its range, the search text at most {@value #MAX_TEXT} characters. A filter
     * that does not fit is an error of its field, in the reader's language (and nothing is searched). The exposure
     * band, which readers give in percent, is asked as a share from 0 to 1.
     */
    static Map<String, Object> apiQuery(Map<String, String> filters, Map<String, String> errors, PageContext page) {
        Map<String, Object> query = new LinkedHashMap<>(filters);
        Map<String, String> t = page.getT();
        for (Map.Entry<String, String> filter : filters.entrySet()) {
            String name = filter.getKey();
            String value = filter.getValue();
            if (value == null || value.isBlank()) {
                continue;
            }
            List<String> choices = CHOICES.get(name);
            if (choices != null && !choices.contains(value)) {
                errors.put(name, t.get("catalog.choiceInvalid"));
            } else if (name.equals("q") && value.length() > MAX_TEXT) {
                errors.put(name, t.get("catalog.qTooLong"));
            } else if (name.equals("majorGroup") && !GROUP_CODE.matcher(value).matches()) {
                errors.put(name, t.get("catalog.choiceInvalid"));
            } else if (NUMBERS.containsKey(name)) {
                Optional<BigDecimal> number = NUMBERS.get(name).read(value.strip());
                if (number.isEmpty()) {
                    errors.put(name, t.get(NUMBERS.get(name).messageKey()));
                } else {
                    query.put(name, PERCENT_FILTERS.contains(name)
                            ? number.get().divide(HUNDRED).stripTrailingZeros().toPlainString()
                            : number.get().toPlainString());
                }
            }
        }
        return query;
    }

    /**
     * A number filter: a plain decimal ({@code 50000}, {@code 62.5}; no sign, exponent or grouping) of at most so
     * many digits, up to a maximum; read by pattern first, so no text costs more than its few digits.
     */
    record NumberFilter(Pattern shape, BigDecimal max, String messageKey) {

        Optional<BigDecimal> read(String value) {
            if (!shape.matcher(value).matches()) {
                return Optional.empty();
            }
            BigDecimal number = new BigDecimal(value);
            return number.compareTo(max) > 0 ? Optional.empty() : Optional.of(number);
        }
    }

    /** The major groups by code system in {@link #GROUP_SYSTEMS} order (others after), as the catalog lists them. */
    static Map<String, List<Map<?, ?>>> groupsBySystem(List<?> groups) {
        Map<String, List<Map<?, ?>>> bySystem = new LinkedHashMap<>();
        GROUP_SYSTEMS.forEach(system -> bySystem.put(system, new ArrayList<>()));
        for (Object group : groups) {
            if (group instanceof Map<?, ?> g && g.get("code") != null) {
                bySystem.computeIfAbsent(String.valueOf(g.get("codeSystem")), s -> new ArrayList<>()).add(g);
            }
        }
        bySystem.values().removeIf(List::isEmpty);
        return bySystem;
    }

    private static Map<String, String> with(Map<String, String> filters, String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(filters);
        changed.put(name, value);
        return changed;
    }

    private static String pageUrl(Map<String, String> filters, int page, List<String> compare) {
        Map<String, Object> query = new LinkedHashMap<>(filters);
        query.put("page", page == 0 ? null : page);
        query.put("compare", compare.isEmpty() ? null : ComparedIds.join(compare));
        return "/" + Urls.query(query);
    }

    /** An occupation id as the catalog shows its code: {@code soc-29-1141} is "SOC 29-1141". */
    static String code(String id) {
        int dash = id.indexOf('-');
        return id.substring(0, dash).toUpperCase(Locale.ROOT) + " " + id.substring(dash + 1);
    }
}

package org.careergraph.catalog.occupation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.careergraph.catalog.page.CareerPage.AiVerdict;
import org.careergraph.catalog.search.OccupationIndex;
import org.careergraph.catalog.search.OccupationSummary;
import org.careergraph.catalog.search.SearchQuery;
import org.careergraph.catalog.search.SearchResult;
import org.careergraph.catalog.signal.OccupationSignal;
import org.careergraph.catalog.signal.Signals;
import org.careergraph.security.Roles;
import org.careergraph.platform.web.ProblemException;

/**
 * The occupation pages: public to read, editors and admins write. Off the event loop, since its endpoints wait on the
 * database: on the event loop each wait held up every other connection of that loop (two loops on two cores).
 */
@Controller("/api/occupations")
@ExecuteOn(TaskExecutors.BLOCKING)
class OccupationController {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private final OccupationService service;
    private final Signals signals;
    private final OccupationIndex index;
    private final Attributions attributions;
    private final OccupationAnswers answers;

    OccupationController(OccupationService service, Signals signals, OccupationIndex index,
                         Attributions attributions, OccupationAnswers answers) {
        this.service = service;
        this.signals = signals;
        this.index = index;
        this.attributions = attributions;
        this.answers = answers;
    }

    /**
     * Search and filters over the in-memory index (text in Chinese or English, ranked), answered with summaries; or,
     * with {@code changedSince}, the whole occupations changed since then in id order (for clients that sync).
     */
    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    Object list(@QueryValue @Nullable @Size(max = SearchQuery.MAX_TEXT_LENGTH) String q,
                        @QueryValue @Nullable String codeSystem,
                        @QueryValue @Nullable String codePrefix,
                        @QueryValue @Nullable Boolean skilledMigration,
                        @QueryValue @Nullable AiVerdict verdict,
                        @QueryValue @Nullable BigDecimal minScore,
                        @QueryValue @Nullable BigDecimal maxScore,
                        @QueryValue @Nullable Integer greenListTier,
                        @QueryValue @Nullable @Size(max = 16) String majorGroup,
                        @QueryValue @Nullable Integer skillLevel,
                        @QueryValue @Nullable Integer jobZone,
                        @QueryValue @Nullable BigDecimal minWage,
                        @QueryValue @Nullable BigDecimal maxWage,
                        @QueryValue @Nullable BigDecimal minExposure,
                        @QueryValue @Nullable BigDecimal maxExposure,
                        @QueryValue(defaultValue = "false") boolean includeArchived,
                        @QueryValue @Nullable SearchQuery.SortBy sort,
                        @QueryValue @Nullable Instant changedSince,
                        @QueryValue(defaultValue = "0") @Min(0) int page,
                        @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size) {
        if (changedSince != null) {
            Page<Occupation> result = service.page(changedSince,
                    Pageable.from(page, size, Sort.of(Sort.Order.asc("id"))));
            return new OccupationPage(views(result.getContent()), result.getTotalSize(), page, size);
        }
        SearchResult result = index.search(SearchQuery.builder().text(q).codeSystem(codeSystem).codePrefix(codePrefix)
                .skilledMigration(skilledMigration).verdict(verdict).scoreBetween(minScore, maxScore)
                .greenListTier(greenListTier).majorGroup(majorGroup).skillLevel(skillLevel).jobZone(jobZone)
                .wageBetween(minWage, maxWage).exposureBetween(minExposure, maxExposure)
                .includeArchived(includeArchived).sort(sort).page(page, size).build());
        return new SummaryPage(result.hits().stream().map(SearchResult.Hit::summary).toList(), result.total(),
                page, size);
    }

    /** Listed occupations carry their score and status as a single read does, so a list can show and sort them. */
    private List<OccupationView> views(List<Occupation> occupations) {
        Map<String, OccupationSignal> heard = signals.findAll(occupations.stream().map(Occupation::id).toList());
        return occupations.stream().map(o -> OccupationView.of(o, heard.get(o.id()),
                attributions.of(o.provenance()))).toList();
    }

    /** Every occupation whose code or title disagrees with the official classification, for editors to check. */
    @Get("/findings")
    @Secured({Roles.ADMIN, Roles.EDITOR})
    List<Flagged> findings() {
        return service.withFindings().stream()
                .map(o -> new Flagged(o.id(), o.titleZh(), o.titleEn(), o.findingList())).toList();
    }

    @Serdeable
    record Flagged(String id, String titleZh, String titleEn, List<Finding> findings) {
    }

    /** The occupation as {@link OccupationView} serialises it, made again only when it or its signal changed. */
    @Get(value = "/{id}", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<byte[]> get(@PathVariable String id) {
        OccupationAnswers.Answer answer = answers.find(id)
                .orElseThrow(() -> ProblemException.notFound("No occupation " + id + "."));
        return HttpResponse.ok(answer.json()).header(HttpHeaders.ETAG, answer.etag());
    }

    @Post
    @Secured({Roles.ADMIN, Roles.EDITOR})
    HttpResponse<Occupation> create(@Body @Valid OccupationInput input, Authentication author) {
        Occupation created = service.create(input, author.getName());
        return HttpResponse.created(created, URI.create("/api/occupations/" + created.id()))
                .header(HttpHeaders.ETAG, created.etag());
    }

    @Put("/{id}")
    @Secured({Roles.ADMIN, Roles.EDITOR})
    HttpResponse<Occupation> replace(@PathVariable String id, @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch,
                                     @Body @Valid OccupationInput input, Authentication author) {
        return withEtag(service.replace(id, input, ifMatch, author.getName()));
    }

    /** JSON Merge Patch (RFC 7396) on the occupation as written: {@code {"skillLevel": 3, "page": {"summary": null}}}. */
    @Patch(value = "/{id}", consumes = MERGE_PATCH)
    @Secured({Roles.ADMIN, Roles.EDITOR})
    HttpResponse<Occupation> patch(@PathVariable String id, @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch,
                                   @Body Map<String, Object> mergePatch, Authentication author) {
        return withEtag(service.patch(id, mergePatch, ifMatch, author.getName()));
    }

    @Post("/{id}/archive")
    @Secured({Roles.ADMIN, Roles.EDITOR})
    HttpResponse<Occupation> archive(@PathVariable String id, @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch,
                                     Authentication author) {
        return withEtag(service.archive(id, true, ifMatch, author.getName()));
    }

    @Post("/{id}/restore")
    @Secured({Roles.ADMIN, Roles.EDITOR})
    HttpResponse<Occupation> restore(@PathVariable String id, @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch,
                                     Authentication author) {
        return withEtag(service.archive(id, false, ifMatch, author.getName()));
    }

    /** Every answer that carries one occupation carries its revision's entity tag. */
    private static HttpResponse<Occupation> withEtag(Occupation occupation) {
        return HttpResponse.ok(occupation).header(HttpHeaders.ETAG, occupation.etag());
    }

    /** A page of search results: summaries, never whole pages. */
    @Serdeable
    record SummaryPage(List<OccupationSummary> items, long total, int page, int size) {
    }

    /** A page of whole occupations, for clients that sync ({@code changedSince}). */
    @Serdeable
    record OccupationPage(List<OccupationView> items, long total, int page, int size) {
    }
}

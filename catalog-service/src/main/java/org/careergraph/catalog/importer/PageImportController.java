package org.careergraph.catalog.importer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.util.concurrent.CompletableFuture;
import org.careergraph.catalog.ImportPool;
import org.careergraph.catalog.ImportSettings;
import org.careergraph.security.Roles;

/**
 * {@code POST /api/occupations/import} with a career page's text (either layout of the seed pages). The import runs
 * on the import pool, not the event loop (429 with Retry-After when every import thread is taken), within the page
 * budgets of {@link ImportSettings}.
 */
@Controller("/api/occupations")
@Secured({Roles.ADMIN, Roles.EDITOR})
class PageImportController {

    private final PageImports imports;
    private final ImportPool pool;
    private final ImportSettings settings;

    PageImportController(PageImports imports, ImportPool pool, ImportSettings settings) {
        this.imports = imports;
        this.pool = pool;
        this.settings = settings;
    }

    @Post("/import")
    @Consumes(MediaType.TEXT_PLAIN)
    CompletableFuture<HttpResponse<PageImports.Outcome>> importPage(
            @Body String pageText, @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch, Authentication author) {
        return pool.submit(() -> {
            // The budget starts when the work does: admission is at once, so nothing waited before it.
            PageImports.Outcome outcome = imports.importPage(pageText, ifMatch,
                    Deadline.after(settings.pageTimeBudget()), author.getName());
            return HttpResponse.<PageImports.Outcome>status(outcome.status() == PageImports.Status.CREATED
                            ? HttpStatus.CREATED : HttpStatus.OK)
                    .body(outcome)
                    .header(HttpHeaders.LOCATION, "/api/occupations/" + outcome.occupation().id())
                    .header(HttpHeaders.ETAG, outcome.occupation().etag());
        });
    }
}

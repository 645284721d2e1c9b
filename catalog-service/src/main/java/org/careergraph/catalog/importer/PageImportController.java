package org.careergraph.catalog.importer;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import org.careergraph.security.Roles;

/** {@code POST /api/occupations/import} with a career page's text (either layout of the seed pages). */
@Controller("/api/occupations")
@Secured({Roles.ADMIN, Roles.EDITOR})
class PageImportController {

    private final PageImports imports;

    PageImportController(PageImports imports) {
        this.imports = imports;
    }

    @Post("/import")
    @Consumes(MediaType.TEXT_PLAIN)
    HttpResponse<PageImports.Outcome> importPage(@Body String pageText, Authentication author) {
        PageImports.Outcome outcome = imports.importPage(pageText, author.getName());
        return HttpResponse.<PageImports.Outcome>status(outcome.status() == PageImports.Status.CREATED
                        ? HttpStatus.CREATED : HttpStatus.OK)
                .body(outcome)
                .header(HttpHeaders.LOCATION, "/api/occupations/" + outcome.occupation().id())
                .header(HttpHeaders.ETAG, outcome.occupation().etag());
    }
}

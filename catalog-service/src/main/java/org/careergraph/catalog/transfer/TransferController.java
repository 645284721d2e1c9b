package org.careergraph.catalog.transfer;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import org.careergraph.security.Roles;

/** Bulk export and import of the whole catalog as NDJSON, for editors and admins. */
@Controller("/api/occupations")
@Secured({Roles.ADMIN, Roles.EDITOR})
class TransferController {

    static final String NDJSON = "application/x-ndjson";

    private final CatalogTransfer transfer;

    TransferController(CatalogTransfer transfer) {
        this.transfer = transfer;
    }

    @Get("/export")
    @Produces(NDJSON)
    String export() {
        return transfer.export();
    }

    @Post("/import")
    @Consumes(NDJSON)
    HttpResponse<CatalogTransfer.Result> importCatalog(@Body String ndjson, Authentication author) {
        return HttpResponse.ok(transfer.importLines(ndjson, author.getName()));
    }
}

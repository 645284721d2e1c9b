package org.careergraph.catalog.transfer;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.InputStream;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import org.careergraph.catalog.ImportPool;
import org.careergraph.security.Roles;

/** Bulk export and import of the whole catalog as NDJSON, for editors and admins. */
@Controller("/api/occupations")
@Secured({Roles.ADMIN, Roles.EDITOR})
class TransferController {

    static final String NDJSON = "application/x-ndjson";

    private final CatalogTransfer transfer;
    private final ImportPool pool;

    TransferController(CatalogTransfer transfer, ImportPool pool) {
        this.transfer = transfer;
        this.pool = pool;
    }

    /** Streamed: the catalog is read a batch at a time while it is sent. */
    @Get("/export")
    @Produces(NDJSON)
    StreamedFile export() {
        return new StreamedFile(transfer.export(), MediaType.of(NDJSON));
    }

    /**
     * Read as it arrives (up to the server's 64 MB, see BodyLimits) and imported on the import pool, not the event
     * loop; 429 with Retry-After at once when every import thread is taken. This (blocking) thread only waits.
     */
    @Post("/import")
    @Consumes(NDJSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<CatalogTransfer.Result> importCatalog(@Body InputStream ndjson, Authentication author) {
        return HttpResponse.ok(pool.run(() -> transfer.importLines(ndjson, author.getName())));
    }
}

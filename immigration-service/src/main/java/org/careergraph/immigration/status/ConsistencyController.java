package org.careergraph.immigration.status;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import java.util.List;
import org.careergraph.security.Roles;

/** Admins: whether every stored status is what the rules in force say today (docs/reliability.md). */
@Controller("/api/immigration/consistency")
@Secured(Roles.ADMIN)
class ConsistencyController {

    private final StatusService statuses;

    ConsistencyController(StatusService statuses) {
        this.statuses = statuses;
    }

    @Get
    List<StatusService.Consistency> check() {
        return statuses.consistency();
    }
}

package org.careergraph.catalog;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Refuses an import (429 with Retry-After) before its body is read when every import thread is taken: a client
 * retrying at once should cost the service a header's worth of work, not the reading of up to 64 MB each time. The
 * pool decides again when the import is submitted.
 */
@ServerFilter({"/api/occupations/import", "/api/releases"})
class ImportAdmission implements Ordered {

    private final ImportPool pool;

    ImportAdmission(ImportPool pool) {
        this.pool = pool;
    }

    @RequestFilter
    void admit(HttpRequest<?> request) {
        if (request.getMethod() == HttpMethod.POST && !pool.hasRoom()) {
            throw pool.busy();
        }
    }

    @Override
    public int getOrder() {
        // After the checks that need no state (authentication, body limits), before the body is read.
        return ServerFilterPhase.SECURITY.after();
    }
}

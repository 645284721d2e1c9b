package org.careergraph.testsupport.api;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.careergraph.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;

/**
 * A service's OpenAPI document is served to anyone at {@code /api/<service>/openapi.yml} and describes exactly its
 * routes ({@link ApiDocumentCheck}). Each service's {@code ApiDocumentIT} extends this with its name and
 * {@code @MicronautTest}.
 */
public abstract class ApiDocumentTest extends ServiceTest {

    private final String service;

    @Inject
    protected EmbeddedServer server;

    @Inject
    protected Router router;

    /** {@code service}: the name in the document's path, and the prefix of the test database. */
    protected ApiDocumentTest(String service) {
        super(service);
        this.service = service;
    }

    @Test
    public void theServedDocumentDescribesEveryRouteAndNothingElse() {
        ApiDocumentCheck.assertServedAndComplete(server.getURI(), "/api/" + service + "/openapi.yml", router);
    }
}

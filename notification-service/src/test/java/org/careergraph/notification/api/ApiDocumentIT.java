package org.careergraph.notification.api;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.util.Map;
import org.careergraph.testsupport.TestInfrastructure;
import org.careergraph.testsupport.api.ApiDocumentCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The notification service's OpenAPI document is served to anyone and describes exactly its routes. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDocumentIT implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Inject
    Router router;

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.serviceProperties("notification");
    }

    @Test
    void theServedDocumentDescribesEveryRouteAndNothingElse() {
        ApiDocumentCheck.assertServedAndComplete(server.getURI(), "/api/notification/openapi.yml", router);
    }
}

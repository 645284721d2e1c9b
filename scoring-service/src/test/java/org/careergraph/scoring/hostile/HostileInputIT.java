package org.careergraph.scoring.hostile;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import org.careergraph.testsupport.TestInfrastructure;
import org.careergraph.testsupport.hostile.Examples;
import org.careergraph.testsupport.hostile.HostileInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every route of the scoring service, listed from its router, walked with malformed, oversized, wrongly typed and
 * hostile input (issue 18): no 5xx, problem+json under /api, no internal names, nothing stored when refused.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT implements TestPropertyProvider {

    private static final String ADMIN = TestInfrastructure.token("ADMIN");

    @Inject
    EmbeddedServer server;

    @Inject
    Router router;

    @Inject
    JsonMapper json;

    @Inject
    @Client("/")
    HttpClient http;

    private final Map<String, String> properties = TestInfrastructure.serviceProperties("scoring");

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Test
    void everyRouteRefusesHostileInputCleanly() {
        Map<?, ?> inForce = http.toBlocking().retrieve(HttpRequest.GET("/api/scoring/model"), Map.class);
        // The model in force, sent back: valid, and each hostile variant changes one thing of it.
        String request = write(Map.of("model", inForce.get("model"), "note", "hostile-input corpus"));

        Examples examples = Examples.create()
                .pathValue("version", String.valueOf(inForce.get("version")))
                .body("PUT /api/scoring/model", () -> request)
                .body("POST /api/scoring/model/preview", () -> request);

        HostileInput.walkService(URI.create(server.getURL().toString()), router, properties, examples);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

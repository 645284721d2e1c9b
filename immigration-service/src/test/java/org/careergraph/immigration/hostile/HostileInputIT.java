package org.careergraph.immigration.hostile;

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
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.careergraph.immigration.TestImmigration;
import org.careergraph.testsupport.TestOccupations;
import org.careergraph.immigration.rules.Country;
import org.careergraph.testsupport.TestEvents;
import org.careergraph.testsupport.TestInfrastructure;
import org.careergraph.testsupport.hostile.Examples;
import org.careergraph.testsupport.hostile.HostileInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every route of the immigration service, listed from its router, walked with malformed, oversized, wrongly typed
 * and hostile input (issue 18): no 5xx, problem+json under /api, no internal names, nothing stored when refused.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT implements TestPropertyProvider {

    private static final String ADMIN = TestInfrastructure.token("ADMIN");
    private static final String PATH = "/api/immigration/policy-updates";
    private static final String SOURCE = "Immigration NZ Operational Manual, Appendix 13";

    @Inject
    EmbeddedServer server;

    @Inject
    Router router;

    @Inject
    JsonMapper json;

    @Inject
    Clock clock;

    @Inject
    @Client("/")
    HttpClient http;

    private final Map<String, String> properties = TestInfrastructure.serviceProperties("immigration");
    private final TestEvents events = TestEvents.connect(TestInfrastructure.kafkaBootstrapServers());

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @AfterAll
    void close() {
        events.close();
    }

    @Test
    void everyRouteRefusesHostileInputCleanly() {
        String code = knownOccupation();
        String announced = announcedUpdate(code);

        Examples examples = Examples.create()
                .pathValue("/api/immigration/occupations/{id}/status", "id", TestOccupations.id(code))
                .pathValue(PATH + "/{id}", "id", announced)
                // A withdrawal uses its update up: each request gets an update of its own.
                .pathValue(PATH + "/{id}/withdrawal", "id", () -> announcedUpdate(code))
                .body("POST " + PATH, () -> write(update(code)))
                .body("POST " + PATH + "/preview", () -> write(update(code)))
                .body("POST " + PATH + "/{id}/withdrawal", () -> write(Map.of("reason", "Announced in error")));

        HostileInput.walkService(URI.create(server.getURL().toString()), router, properties, examples);
    }

    /** A Green List change announced for a month ahead: valid, and withdrawable. */
    private Map<String, Object> update(String code) {
        Map<String, Object> body = TestImmigration.update(Country.NZ.today(clock).plusMonths(1), SOURCE,
                TestImmigration.tier(code, "1"));
        body.put("note", "Moves to Tier 1");
        return body;
    }

    private String announcedUpdate(String code) {
        return (String) http.toBlocking().retrieve(HttpRequest.POST(PATH, update(code)).bearerAuth(ADMIN), Map.class)
                .get("id");
    }

    private String knownOccupation() {
        return new TestImmigration(http, events, json).knownOccupation();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.careergraph.immigration.hostile;

import static org.awaitility.Awaitility.await;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
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
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.careergraph.events.EventType;
import org.careergraph.immigration.TestOccupations;
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
                .pathValue("/api/immigration/occupations/{id}/status", "id", TestOccupations.idOf(code))
                .pathValue(PATH + "/{id}", "id", announced)
                // A withdrawal uses its update up: each request gets an update of its own.
                .pathValue(PATH + "/{id}/withdrawal", "id", () -> announcedUpdate(code))
                .body("POST " + PATH, () -> write(update(code)))
                .body("POST " + PATH + "/preview", () -> write(update(code)))
                .body("POST " + PATH + "/{id}/withdrawal", () -> write(Map.of("reason", "Announced in error")));

        HostileInput.walkService(URI.create(server.getURL().toString()), router, properties, examples);
    }

    /** A Green List change announced for a month ahead: valid, and withdrawable. */
    private static Map<String, Object> update(String code) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("kind", "GREEN_LIST_TIER");
        change.put("codeSystem", "ANZSCO");
        change.put("code", code);
        change.put("value", "1");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("country", "NZ");
        body.put("effectiveFrom", LocalDate.now(ZoneId.of("Pacific/Auckland")).plusMonths(1).toString());
        body.put("source", SOURCE);
        body.put("note", "Moves to Tier 1");
        body.put("changes", List.of(change));
        return body;
    }

    private String announcedUpdate(String code) {
        return (String) http.toBlocking().retrieve(HttpRequest.POST(PATH, update(code)).bearerAuth(ADMIN), Map.class)
                .get("id");
    }

    private String knownOccupation() {
        String code = TestOccupations.uniqueCode();
        String id = TestOccupations.idOf(code);
        events.publish(EventType.OCCUPATION_CHANGED, id,
                TestOccupations.occupationChanged(json, id, code, 1, "Community Services Worker"));
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> http.toBlocking()
                .exchange(HttpRequest.GET("/api/immigration/occupations/" + id + "/status")).status() == HttpStatus.OK);
        return code;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

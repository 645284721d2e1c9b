package org.careergraph.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.careergraph.events.Score;
import org.careergraph.events.ScoreChanged;
import org.careergraph.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A change whose event is too large for Kafka, as a caller meets it: 413 as a problem document saying why, and the
 * event is not stored (the outbox refuses it in the writer's transaction, which rolls back).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventTooLargeIT implements TestPropertyProvider {

    @Controller("/api/platform/scores")
    @Secured(SecurityRule.IS_ANONYMOUS)
    static class ScoresController {

        private final Outbox outbox;

        ScoresController(Outbox outbox) {
            this.outbox = outbox;
        }

        /** Publishes a score change about the occupation, with the body as its reason. */
        @Post(uri = "/{occupationId}", consumes = "text/plain")
        @Transactional
        String publish(String occupationId, @Body String reason) {
            return outbox.add(new ScoreChanged(occupationId, "test", null, new Score(BigDecimal.ONE, Map.of()),
                    "test", reason, "test"));
        }
    }

    @Inject
    EmbeddedServer server;

    @Inject
    OutboxRepository events;

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(TestInfrastructure.serviceProperties("platform_too_large"));
        props.put("micronaut.application.name", "platform-too-large-test");
        return props;
    }

    @Test
    void anEventTooLargeToPublishIsA413ProblemAndNothingIsStored() throws Exception {
        String small = TestInfrastructure.uniqueId("anzsco");
        String large = TestInfrastructure.uniqueId("anzsco");

        HttpResponse<String> accepted = post(small, "a reason");
        HttpResponse<String> refused = post(large, "r".repeat(Outbox.MAX_PAYLOAD_CHARS));

        assertEquals(200, accepted.statusCode(), accepted.body());
        assertEquals(413, refused.statusCode(), refused.body());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
        assertTrue(refused.body().contains("too large to publish") && refused.body().contains("smaller steps"),
                refused.body());
        assertTrue(events.findAll().stream().anyMatch(event -> event.aggregateId().equals(small)));
        assertFalse(events.findAll().stream().anyMatch(event -> event.aggregateId().equals(large)));
    }

    private HttpResponse<String> post(String occupationId, String reason) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/platform/scores/" + occupationId))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(reason)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

package org.careergraph.notification.hostile;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careergraph.notification.OccupationEvents;
import org.careergraph.testsupport.TestOccupations;
import org.careergraph.notification.WebhookReceiver;
import org.careergraph.testsupport.TestEvents;
import org.careergraph.testsupport.TestInfrastructure;
import org.careergraph.testsupport.hostile.Examples;
import org.careergraph.testsupport.hostile.HostileInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every route of the notification service, listed from its router, walked with malformed, oversized, wrongly typed
 * and hostile input (issue 18): no 5xx, problem+json under /api, no internal names, nothing stored when refused.
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
    JdbcOperations jdbc;

    @Inject
    @Client("/")
    HttpClient http;

    private final Map<String, String> properties = properties();
    private final TestEvents events = TestEvents.connect(TestInfrastructure.kafkaBootstrapServers());
    /** Answers each new subscription's verification, so that a valid example is stored. */
    private final WebhookReceiver receiver = WebhookReceiver.start();

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    private static Map<String, String> properties() {
        Map<String, String> props = new HashMap<>(TestInfrastructure.serviceProperties("notification"));
        props.put("careergraph.notification.webhook.allowed-hosts", "localhost,127.0.0.1");
        // The walk subscribes hundreds of times from one address: the limit is not what it tests.
        props.put("careergraph.notification.subscribe-limits.per-client-burst", "100000");
        return props;
    }

    @AfterAll
    void close() {
        events.close();
        receiver.close();
    }

    @Test
    void everyRouteRefusesHostileInputCleanly() {
        String occupation = new OccupationEvents(events, jdbc).announce(TestOccupations.uniqueCode());
        Map<?, ?> subscription = http.toBlocking().retrieve(HttpRequest.POST("/api/subscriptions",
                subscription(occupation)), Map.class);

        Examples examples = Examples.create()
                .pathValue("id", (String) subscription.get("id"))
                .header("X-Manage-Token", (String) subscription.get("manageToken"))
                .pathValue("file", occupation + ".atom")
                // A fresh hook per request: a hostile variant wrongly accepted then stores a subscription, and is seen.
                .body("POST /api/subscriptions", () -> write(subscription(occupation)))
                .body("PATCH /api/subscriptions/{id}", () -> write(Map.of("occupationIds", List.of(occupation))));

        HostileInput.walkService(URI.create(server.getURL().toString()), router, properties, examples);
    }

    private Map<String, Object> subscription(String occupation) {
        return Map.of("webhookUrl", receiver.url(UUID.randomUUID().toString()), "occupationIds", List.of(occupation));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.careergraph.notification.hostile;

import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careergraph.notification.NotificationIT;
import org.careergraph.notification.WebhookReceiver;
import org.careergraph.testsupport.TestInfrastructure;
import org.careergraph.testsupport.TestOccupations;
import org.careergraph.testsupport.hostile.Examples;
import org.careergraph.testsupport.hostile.HostileInput;
import org.junit.jupiter.api.Test;

/**
 * Every route of the notification service, listed from its router, walked with malformed, oversized, wrongly typed
 * and hostile input (issue 18): no 5xx, problem+json under /api, no internal names, nothing stored when refused.
 */
@MicronautTest(transactional = false)
class HostileInputIT extends NotificationIT {

    private static final String ADMIN = TestInfrastructure.token("ADMIN");

    @Inject
    EmbeddedServer server;

    @Inject
    Router router;

    /** Answers each new subscription's verification, so that a valid example is stored. */
    private final WebhookReceiver receiver = webhookReceiver();

    @Override
    protected Map<String, String> moreProperties() {
        // The walk subscribes hundreds of times from one address: the limit is not what it tests.
        return Map.of("careergraph.notification.subscribe-limits.per-client-burst", "100000");
    }

    @Test
    void everyRouteRefusesHostileInputCleanly() {
        String occupation = occupations().announce(TestOccupations.uniqueCode());
        Map<?, ?> subscription = http.toBlocking().retrieve(HttpRequest.POST("/api/subscriptions",
                subscription(occupation)), Map.class);

        Examples examples = Examples.create()
                .pathValue("id", (String) subscription.get("id"))
                .header("X-Manage-Token", (String) subscription.get("manageToken"))
                .pathValue("file", occupation + ".atom")
                // A fresh hook per request: a hostile variant wrongly accepted then stores a subscription, and is seen.
                .body("POST /api/subscriptions", () -> write(subscription(occupation)))
                .body("PATCH /api/subscriptions/{id}", () -> write(Map.of("occupationIds", List.of(occupation))));

        HostileInput.walkService(URI.create(server.getURL().toString()), router, getProperties(), examples);
    }

    private Map<String, Object> subscription(String occupation) {
        return Map.of("webhookUrl", receiver.url(UUID.randomUUID().toString()), "occupationIds", List.of(occupation));
    }
}

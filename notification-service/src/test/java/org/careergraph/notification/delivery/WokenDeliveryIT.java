package org.careergraph.notification.delivery;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careergraph.events.EventType;
import org.careergraph.notification.NotificationIT;
import org.careergraph.notification.OccupationEvents;
import org.careergraph.notification.WebhookReceiver;
import org.careergraph.testsupport.TestOccupations;
import org.junit.jupiter.api.Test;

/**
 * From the consumer's commit to the POST, no step waits for a poll: here the fan-out and the dispatcher never poll
 * (their first poll is an hour away), so only the wake-ups after each commit can deliver: the notice's, the
 * notifications', and for an occupation's next alert, the recorded delivery of the one before it.
 */
@MicronautTest(transactional = false)
class WokenDeliveryIT extends NotificationIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final WebhookReceiver receiver = webhookReceiver();

    WokenDeliveryIT() {
        super("notification_woken");
    }

    @Override
    protected Map<String, String> moreProperties() {
        Map<String, String> props = new HashMap<>();
        for (String job : List.of("fan-out", "delivery")) {
            props.put("careergraph.notification." + job + ".initial-delay", "1h");
            props.put("careergraph.notification." + job + ".poll-interval", "1h");
        }
        return props;
    }

    @Test
    void eachAlertIsDeliveredWithoutAPoll() {
        OccupationEvents occupations = new OccupationEvents(events, jdbc);
        String code = TestOccupations.uniqueCode();
        String occupationId = occupations.announce(code);
        String hook = UUID.randomUUID().toString();
        http.toBlocking().retrieve(HttpRequest.POST("/api/subscriptions", Map.of(
                "webhookUrl", receiver.url(hook), "occupationIds", List.of(occupationId))), Map.class);

        occupations.publish(EventType.IMMIGRATION_STATUS_CHANGED, code);
        occupations.publish(EventType.SCORE_CHANGED, code);

        await().atMost(PATIENCE).until(() -> receiver.callsTo(hook).size() == 2);
        assertEquals(2, receiver.callsTo(hook).size(), "each alert once");
    }
}

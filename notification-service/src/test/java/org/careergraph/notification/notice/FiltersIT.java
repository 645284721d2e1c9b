package org.careergraph.notification.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.careergraph.events.EventType;
import org.careergraph.notification.NotificationIT;
import org.careergraph.notification.Subscribers;
import org.careergraph.notification.WebhookReceiver;
import org.careergraph.testsupport.TestOccupations;
import org.junit.jupiter.api.Test;

/**
 * Who hears of what: filters (country, every Green List change) beside occupation watches, and the kinds of change a
 * subscriber chose. Read from the notifications written (the delivery itself is the webhook tests' business).
 */
@MicronautTest(transactional = false)
class FiltersIT extends NotificationIT {

    /** Answers each new subscription's verification and its deliveries: the notifications written are looked at. */
    private final WebhookReceiver receiver = webhookReceiver();

    @Test
    void theKindsOfChangeChosenDecideWhichChangesToAWatchedOccupationNotify() {
        String code = TestOccupations.uniqueCode();
        String occupationId = occupations().announce(code);
        String scores = subscribe(Map.of("occupationIds", List.of(occupationId), "kinds", List.of("SCORE")));
        String salary = subscribe(Map.of("occupationIds", List.of(occupationId), "kinds", List.of("SALARY")));
        String aiImpact = subscribe(Map.of("occupationIds", List.of(occupationId), "kinds", List.of("AI_IMPACT")));
        String catalog = subscribe(Map.of("occupationIds", List.of(occupationId), "kinds", List.of("CATALOG")));
        String everything = subscribe(Map.of("occupationIds", List.of(occupationId)));

        String score = occupations().publish(EventType.SCORE_CHANGED, code);
        String status = occupations().publish(EventType.IMMIGRATION_STATUS_CHANGED, code);
        // The fixture's edit changes a salary band.
        String salaryEdit = events.publish(EventType.OCCUPATION_CHANGED, occupationId,
                TestOccupations.fixture(EventType.OCCUPATION_CHANGED, code).replace("\"revision\": 2",
                        "\"revision\": 3"));
        occupations().awaitFannedOut(score, status, salaryEdit);

        List<String> mine = List.of(scores, salary, aiImpact, catalog, everything);
        assertEquals(Set.of(scores, everything), told(score, mine));
        assertEquals(Set.of(everything), told(status, mine));
        assertEquals(Set.of(salary, catalog, everything), told(salaryEdit, mine), "not the AI impact watcher");
    }

    @Test
    void aCountryWatchHearsOfEveryImmigrationChangeThereAndOfNothingElse() {
        String code = TestOccupations.uniqueCode();
        occupations().announce(code);
        String newZealand = subscribe(Map.of("countries", List.of("NZ")));
        String unitedStates = subscribe(Map.of("countries", List.of("US")));
        String policyOnly = subscribe(Map.of("countries", List.of("nz"), "kinds", List.of("POLICY")));

        String status = occupations().publish(EventType.IMMIGRATION_STATUS_CHANGED, code);
        String policy = events.publish(EventType.POLICY_UPDATED, UUID.randomUUID().toString(),
                TestOccupations.fixture(EventType.POLICY_UPDATED, code));
        String score = occupations().publish(EventType.SCORE_CHANGED, code);
        occupations().awaitFannedOut(status, policy, score);

        List<String> mine = List.of(newZealand, unitedStates, policyOnly);
        assertEquals(Set.of(newZealand), told(status, mine));
        assertEquals(Set.of(newZealand, policyOnly), told(policy, mine));
        assertEquals(Set.of(), told(score, mine), "a score has no country");
    }

    @Test
    void anyGreenListChangeHearsOfTierMovesAndGreenListRulesOnly() {
        String code = TestOccupations.uniqueCode();
        occupations().announce(code);
        String greenList = subscribe(Map.of("anyGreenListChange", true));

        // The status fixture moves Tier 2 -> Tier 1, the policy fixture sets GREEN_LIST_TIER.
        String tierMove = occupations().publish(EventType.IMMIGRATION_STATUS_CHANGED, code);
        String tierRule = events.publish(EventType.POLICY_UPDATED, UUID.randomUUID().toString(),
                TestOccupations.fixture(EventType.POLICY_UPDATED, code));
        String sameTier = occupations().publish(EventType.IMMIGRATION_STATUS_CHANGED, code,
                fixture -> fixture.replace("\"greenListTier\": 1", "\"greenListTier\": 2"));
        String notGreenList = events.publish(EventType.POLICY_UPDATED, UUID.randomUUID().toString(),
                TestOccupations.fixture(EventType.POLICY_UPDATED, code).replace("GREEN_LIST_TIER", "AEWV_ELIGIBLE"));
        occupations().awaitFannedOut(tierMove, tierRule, sameTier, notGreenList);

        List<String> mine = List.of(greenList);
        assertEquals(Set.of(greenList), told(tierMove, mine));
        assertEquals(Set.of(greenList), told(tierRule, mine));
        assertEquals(Set.of(), told(sameTier, mine), "Tier 2 -> Tier 2 is no Green List change");
        assertEquals(Set.of(), told(notGreenList, mine));
    }

    @Test
    void pausingFailsWhatIsStillWaitingToBeSent() {
        String code = TestOccupations.uniqueCode();
        String occupationId = occupations().announce(code);
        Map<String, Object> request = new HashMap<>(Map.of("occupationIds", List.of(occupationId)));
        String hook = UUID.randomUUID().toString();
        request.put("webhookUrl", receiver.url(hook));
        Map<?, ?> created = http.toBlocking().retrieve(HttpRequest.POST("/api/subscriptions", request), Map.class);
        // Verified, the endpoint now refuses: its notification waits for its next attempt (the dispatcher sends as
        // soon as the fan-out commits, so one it accepted would be delivered before any pause).
        receiver.answerAlways(hook, 503);
        String event = occupations().publish(EventType.SCORE_CHANGED, code);
        occupations().awaitFannedOut(event);

        http.toBlocking().exchange(HttpRequest.PATCH("/api/subscriptions/" + created.get("id"),
                Map.of("enabled", false)).header("X-Manage-Token", (String) created.get("manageToken")));

        Map<?, ?> page = http.toBlocking().retrieve(HttpRequest.GET("/api/subscriptions/" + created.get("id")
                + "/deliveries").header("X-Manage-Token", (String) created.get("manageToken")), Map.class);
        Map<?, ?> delivery = ((List<Map<?, ?>>) page.get("items")).get(0);
        assertEquals("FAILED", delivery.get("status"));
        assertEquals("not sent: the subscription was paused by the subscriber", delivery.get("lastError"));
    }

    /** A webhook subscription (to the local receiver) from this request; its id. */
    private String subscribe(Map<String, ?> watches) {
        return new Subscribers(http, receiver).subscribe(UUID.randomUUID().toString(), watches).id();
    }

    /** Which of these subscriptions got a notification of the event. */
    private Set<String> told(String eventId, List<String> subscriptionIds) {
        return jdbc.execute(connection -> {
            try (var select = connection.prepareStatement("SELECT n.subscription_id FROM notification n "
                    + "JOIN notice c ON c.id = n.notice_id WHERE c.event_id = ?")) {
                select.setString(1, eventId);
                Set<String> ids = new java.util.HashSet<>();
                try (var rs = select.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
                ids.retainAll(subscriptionIds);
                return ids;
            }
        });
    }
}

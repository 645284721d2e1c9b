package org.careergraph.notification.delivery;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careergraph.events.CodeSystem;
import org.careergraph.events.EventType;
import org.careergraph.events.PolicyUpdated;
import org.careergraph.events.RuleChange;
import org.careergraph.notification.NotificationIT;
import org.careergraph.notification.Subscribers;
import org.careergraph.notification.Subscribers.Subscribed;
import org.careergraph.notification.TestDatabase;
import org.careergraph.notification.WebhookReceiver;
import org.careergraph.testsupport.TestOccupations;
import org.careergraph.testsupport.api.ApiDocumentCheck;
import org.junit.jupiter.api.Test;

/** Events in, webhook calls out: a real broker, a real database and a real HTTP receiver on 127.0.0.1. */
@MicronautTest(transactional = false)
class WebhookDeliveryIT extends NotificationIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String NOTIFICATIONS_OF_EVENT =
            "SELECT COUNT(*) FROM notification n JOIN notice c ON c.id = n.notice_id WHERE c.event_id = ?";
    private static final String SOURCE =
            "Immigration NZ Operational Manual, Appendix 13 (Green List), amendment circular 2026/11";

    @Inject
    MeterRegistry meters;

    private final WebhookReceiver receiver = webhookReceiver();

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("careergraph.notification.delivery.retry-delays", "200ms,200ms",
                "careergraph.notification.delivery.retry-jitter", "0");
    }

    @Test
    void everyKindOfChangeReachesTheWatcherOnceAndSaysWhatChangedAndWhy() {
        String code = TestOccupations.uniqueCode();
        String occupationId = occupations().announce(code);
        String hook = UUID.randomUUID().toString();
        Subscribed subscription = subscribe(hook, occupationId);

        String status = occupations().publish(EventType.IMMIGRATION_STATUS_CHANGED, code);
        String score = occupations().publish(EventType.SCORE_CHANGED, code);
        String policy = events.publish(EventType.POLICY_UPDATED, UUID.randomUUID().toString(),
                TestOccupations.fixture(EventType.POLICY_UPDATED, code));
        String revision3 = TestOccupations.fixture(EventType.OCCUPATION_CHANGED, code)
                .replace("\"revision\": 2", "\"revision\": 3");
        String edit = events.publish(EventType.OCCUPATION_CHANGED, occupationId, revision3);

        List<Map<?, ?>> deliveries = awaitDelivered(subscription, 4);
        assertEquals(4, deliveries.stream().filter(d -> ((Number) d.get("attempts")).intValue() == 1).count());
        List<WebhookReceiver.Call> calls = receiver.callsTo(hook);
        assertEquals(4, calls.size(), "each event once");

        Map<?, ?> statusCall = callFor(calls, status);
        assertEquals(EventType.IMMIGRATION_STATUS_CHANGED.type(), statusCall.get("eventType"));
        assertEquals(occupationId, statusCall.get("occupationId"));
        assertEquals(Map.of("titleEn", "Community Services Worker", "titleZh", "社區服務工作者"),
                statusCall.get("occupation"));
        assertEquals(Map.of(
                "en", "Community Services Worker (" + occupationId + "): NZ immigration status: Green List Tier 2 -> "
                        + "Tier 1 from 2026-12-01 (source: " + SOURCE + ")",
                "zh", "社區服務工作者 (" + occupationId + ")：NZ 移民狀態：綠名單第二級 -> 第一級，自 2026-12-01 起（來源："
                        + SOURCE + "）"),
                statusCall.get("message"));
        Map<?, ?> change = (Map<?, ?>) statusCall.get("change");
        assertEquals(occupationId, change.get("occupationId"));
        Map<?, ?> after = (Map<?, ?>) change.get("after");
        assertEquals(1, after.get("greenListTier"), "the event payload as it came: " + after);
        assertEquals(true, after.get("aewvEligible"), "every part of the status, not just the tier: " + after);

        String scoreMessage = english(callFor(calls, score));
        assertTrue(scoreMessage.contains(": overall score 6.6 -> 6.8, PR friendliness 8.0 -> 10.0 from "),
                scoreMessage);
        // The fixture also sets the median wage, a setting that names no occupation: it is left out.
        assertEquals("Community Services Worker (" + occupationId + "): NZ policy update: Green List Tier 1 from "
                + "2026-12-01 (source: " + SOURCE + ")", english(callFor(calls, policy)));
        assertEquals(1, TestDatabase.count(jdbc, NOTIFICATIONS_OF_EVENT, policy),
                "only the occupation the update names is notified");
        Map<?, ?> policyChange = (Map<?, ?>) callFor(calls, policy).get("change");
        assertEquals(SOURCE, policyChange.get("source"));
        assertTrue(!policyChange.containsKey("recordedBy"), "who recorded it stays with the admins: " + policyChange);
        assertTrue(!((Map<?, ?>) callFor(calls, edit).get("change")).containsKey("changedBy"));
        assertEquals("Community Services Worker (" + occupationId + "): salary band 2: mid 58000-72000 NZD -> "
                + "mid 60000-75000 NZD from 2026-11-20 (catalog revision 3)", english(callFor(calls, edit)));

        String document = http.toBlocking().retrieve("/api/notification/openapi.yml");
        for (WebhookReceiver.Call call : calls) {
            assertEquals(List.of(), ApiDocumentCheck.webhookProblems(document, "notification", call.body()),
                    "the body is what the OpenAPI document's webhook says: " + call.body());
            assertEquals("application/json", call.headers().get("content-type"));
            assertEquals(read(call.body()).get("id"), call.headers().get("webhook-id"));
            assertTrue(WebhookSignature.verify(subscription.secret(), call.headers().get("webhook-id"),
                    call.headers().get("webhook-timestamp"), call.body(), call.headers().get("webhook-signature"),
                    Instant.now(), Duration.ofMinutes(5)), "signed with the secret shown at subscription: " + call);
        }
    }

    @Test
    void theSameEventDeliveredTwiceByKafkaNotifiesOnce() {
        String code = TestOccupations.uniqueCode();
        String occupationId = occupations().announce(code);
        String hook = UUID.randomUUID().toString();
        Subscribed subscription = subscribe(hook, occupationId);

        String eventId = UUID.randomUUID().toString();
        String payload = TestOccupations.fixture(EventType.SCORE_CHANGED, code);
        events.publish(eventId, EventType.SCORE_CHANGED, occupationId, payload);
        events.publish(eventId, EventType.SCORE_CHANGED, occupationId, payload);
        // Same topic and key, so consumed after both copies: once it is delivered, both copies were handled.
        String later = occupations().publish(EventType.SCORE_CHANGED, code);

        awaitDelivered(subscription, 2);
        List<WebhookReceiver.Call> calls = receiver.callsTo(hook);
        assertEquals(1, calls.stream().filter(c -> eventId.equals(read(c.body()).get("eventId"))).count());
        assertEquals(1, calls.stream().filter(c -> later.equals(read(c.body()).get("eventId"))).count());
        assertEquals(1, TestDatabase.count(jdbc, NOTIFICATIONS_OF_EVENT, eventId));
    }

    @Test
    void aChangeToAnOccupationNobodyWatchesNotifiesNobody() {
        String watchedCode = TestOccupations.uniqueCode();
        String unwatchedCode = TestOccupations.uniqueCode();
        String hook = UUID.randomUUID().toString();
        subscribe(hook, occupations().announce(watchedCode));
        occupations().announce(unwatchedCode);

        String eventId = occupations().publish(EventType.IMMIGRATION_STATUS_CHANGED, unwatchedCode);
        await().atMost(PATIENCE).until(() -> TestDatabase.count(jdbc,
                "SELECT COUNT(*) FROM processed_event WHERE event_id = ?", eventId) == 1);
        assertEquals(0, TestDatabase.count(jdbc, NOTIFICATIONS_OF_EVENT, eventId));
        assertEquals(1, TestDatabase.count(jdbc, "SELECT COUNT(*) FROM notice WHERE event_id = ?", eventId),
                "kept for the occupation's feed");
        assertEquals(List.of(), receiver.callsTo(hook));
    }

    @Test
    void aPolicyUpdateThatOnlyChangesASettingIsHandledAndNotifiesNobody() {
        String code = TestOccupations.uniqueCode();
        String hook = UUID.randomUUID().toString();
        subscribe(hook, occupations().announce(code));
        PolicyUpdated medianWage = new PolicyUpdated(UUID.randomUUID().toString(), "NZ", LocalDate.parse("2026-12-01"),
                SOURCE, null, List.of(new RuleChange("MEDIAN_WAGE", null, null, "35.00", "RESIDENCE", null)), "admin",
                Instant.parse("2026-11-20T08:00:00Z"));

        String eventId = events.publish(EventType.POLICY_UPDATED, medianWage.policyUpdateId(), write(medianWage));

        await().atMost(PATIENCE).until(() -> TestDatabase.count(jdbc,
                "SELECT COUNT(*) FROM processed_event WHERE event_id = ?", eventId) == 1);
        assertEquals(0, TestDatabase.count(jdbc, NOTIFICATIONS_OF_EVENT, eventId),
                "it reaches watchers as status changes when it takes effect");
        assertEquals(List.of(), receiver.callsTo(hook));
    }

    @Test
    void aReceiverThatFailsIsRetriedUntilItAccepts() {
        double retriedBefore = deliveries("RETRY");
        double deliveredBefore = deliveries("DELIVERED");
        String code = TestOccupations.uniqueCode();
        String hook = UUID.randomUUID().toString();
        receiver.answerFirst(hook, 500);
        Subscribed subscription = subscribe(hook, occupations().announce(code));

        occupations().publish(EventType.IMMIGRATION_STATUS_CHANGED, code);

        Map<?, ?> delivery = awaitDelivered(subscription, 1).get(0);
        assertEquals(2, ((Number) delivery.get("attempts")).intValue());
        assertNull(delivery.get("lastError"));
        List<WebhookReceiver.Call> calls = receiver.callsTo(hook);
        assertEquals(2, calls.size());
        assertEquals(calls.get(0).headers().get("webhook-id"), calls.get(1).headers().get("webhook-id"),
                "a retry is the same notification");
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertTrue(deliveries("RETRY") >= retriedBefore + 1, "the failed attempt is counted");
            assertTrue(deliveries("DELIVERED") >= deliveredBefore + 1, "the accepted one too");
        });
    }

    @Test
    void aReceiverWhoseBodyNeverEndsIsDeliveredAndHoldsNobodyUp() {
        String slowCode = TestOccupations.uniqueCode();
        String slowHook = UUID.randomUUID().toString();
        receiver.answerWithEndlessBody(slowHook);
        Subscribed slow = subscribe(slowHook, occupations().announce(slowCode));
        String code = TestOccupations.uniqueCode();
        String hook = UUID.randomUUID().toString();
        Subscribed other = subscribe(hook, occupations().announce(code));

        occupations().publish(EventType.IMMIGRATION_STATUS_CHANGED, slowCode);
        assertEquals(1, awaitDelivered(slow, 1).size(), "the status answers it; the body is never read");
        occupations().publish(EventType.IMMIGRATION_STATUS_CHANGED, code);
        assertEquals(1, awaitDelivered(other, 1).size(), "later deliveries are not held up");
    }

    @Test
    void aReceiverThatNeverAcceptsIsGivenUpAfterTheMaximumAttempts() {
        String code = TestOccupations.uniqueCode();
        String hook = UUID.randomUUID().toString();
        receiver.answerAlways(hook, 503);
        Subscribed subscription = subscribe(hook, occupations().announce(code));

        occupations().publish(EventType.IMMIGRATION_STATUS_CHANGED, code);

        Map<?, ?> delivery = await().atMost(PATIENCE).until(() -> deliveries(subscription),
                d -> d.size() == 1 && "FAILED".equals(d.get(0).get("status"))).get(0);
        assertEquals(3, ((Number) delivery.get("attempts")).intValue());
        assertEquals("HTTP 503", delivery.get("lastError"));
        assertEquals(3, receiver.callsTo(hook).size());
        Map<?, ?> disabled = subscription(subscription);
        assertEquals("DISABLED", disabled.get("status"), "nothing got through during the whole retry window");
        assertEquals("failing past the retry window", disabled.get("statusReason"));
    }

    /** What a subscriber (or an admin) reads in a delivery is what happened, never a Java exception's name. */
    @Test
    void aReceiverThatWentAwayIsRecordedAsConnectionRefused() {
        String code = TestOccupations.uniqueCode();
        String occupationId = occupations().announce(code);
        Subscribed subscription;
        try (WebhookReceiver leaving = WebhookReceiver.start()) {
            subscription = new Subscribers(http, leaving).subscribe("bye",
                    Map.of("occupationIds", List.of(occupationId)));
        }

        occupations().publish(EventType.IMMIGRATION_STATUS_CHANGED, code);

        Map<?, ?> delivery = await().atMost(PATIENCE).until(() -> deliveries(subscription),
                d -> d.size() == 1 && ((Number) d.get(0).get("attempts")).intValue() >= 1).get(0);
        assertEquals("connection refused", delivery.get("lastError"));
    }

    @Test
    void aPrefixWatchHearsOfANewOccupationUnderItAndOfChangesToTheKnownOnes() {
        String prefix = TestOccupations.uniquePrefix();
        String knownCode = prefix + "01";
        String known = occupations().announce(knownCode);
        String hook = UUID.randomUUID().toString();
        Subscribed subscription = subscribe(hook, List.of(), List.of(anzsco(prefix)));

        String newCode = prefix + "02";
        String newId = TestOccupations.id(newCode);
        String created = events.publish(EventType.OCCUPATION_CHANGED, newId, creation(CodeSystem.ANZSCO, newCode));
        String status = occupations().publish(EventType.IMMIGRATION_STATUS_CHANGED, knownCode);
        String policy = events.publish(EventType.POLICY_UPDATED, UUID.randomUUID().toString(),
                TestOccupations.fixture(EventType.POLICY_UPDATED, knownCode));

        awaitDelivered(subscription, 3);
        List<WebhookReceiver.Call> calls = receiver.callsTo(hook);
        assertEquals(3, calls.size(), "each event once");
        Map<?, ?> creation = callFor(calls, created);
        assertEquals(newId, creation.get("occupationId"));
        assertEquals(Map.of(
                "en", "Community Services Worker (" + newId + "): added to the catalog from 2026-11-20 "
                        + "(catalog revision 1)",
                "zh", "社區服務工作者 (" + newId + ")：已加入職業目錄，自 2026-11-20 起（職業目錄第 1 版）"),
                creation.get("message"));
        assertEquals(1, TestDatabase.count(jdbc, "SELECT COUNT(*) FROM occupation WHERE id = ?", newId),
                "known from then on");
        assertEquals(known, callFor(calls, status).get("occupationId"));
        assertEquals(known, callFor(calls, policy).get("occupationId"));
    }

    @Test
    void aPrefixWatchHearsNothingAboutAnotherPrefixOrAnotherCodeSystem() {
        String prefix = TestOccupations.uniquePrefix();
        String hook = UUID.randomUUID().toString();
        Subscribed subscription = subscribe(hook, List.of(), List.of(anzsco(prefix)));

        String otherPrefixCode = TestOccupations.uniquePrefix() + "01";
        String sameDigitsInNol = prefix + "01";
        List<String> eventIds = List.of(
                events.publish(EventType.OCCUPATION_CHANGED, TestOccupations.id(otherPrefixCode),
                        creation(CodeSystem.ANZSCO, otherPrefixCode)),
                events.publish(EventType.OCCUPATION_CHANGED, CodeSystem.NOL.occupationId(sameDigitsInNol),
                        creation(CodeSystem.NOL, sameDigitsInNol)));
        await().atMost(PATIENCE).until(() -> TestDatabase.count(jdbc,
                "SELECT COUNT(*) FROM processed_event WHERE event_id IN (?, ?)", eventIds.toArray()) == 2);
        String policy = events.publish(EventType.POLICY_UPDATED, UUID.randomUUID().toString(),
                TestOccupations.fixture(EventType.POLICY_UPDATED, CodeSystem.NOL, sameDigitsInNol));
        await().atMost(PATIENCE).until(() -> TestDatabase.count(jdbc,
                "SELECT COUNT(*) FROM processed_event WHERE event_id = ?", policy) == 1);

        assertEquals(0, TestDatabase.count(jdbc, "SELECT COUNT(*) FROM notification WHERE subscription_id = ?",
                subscription.id()));
        assertEquals(List.of(), receiver.callsTo(hook));
    }

    @Test
    void aSubscriptionWatchingAnOccupationByIdAndByPrefixesHearsOfEachChangeOnce() {
        String prefix = TestOccupations.uniquePrefix();
        String code = prefix + "01";
        String occupationId = occupations().announce(code);
        String hook = UUID.randomUUID().toString();
        Subscribed subscription = subscribe(hook, List.of(occupationId), List.of(anzsco(prefix), anzsco(code)));

        String status = occupations().publish(EventType.IMMIGRATION_STATUS_CHANGED, code);
        String policy = events.publish(EventType.POLICY_UPDATED, UUID.randomUUID().toString(),
                TestOccupations.fixture(EventType.POLICY_UPDATED, code));
        String edit = events.publish(EventType.OCCUPATION_CHANGED, occupationId,
                TestOccupations.fixture(EventType.OCCUPATION_CHANGED, code).replace("\"revision\": 2",
                        "\"revision\": 3"));

        awaitDelivered(subscription, 3);
        List<WebhookReceiver.Call> calls = receiver.callsTo(hook);
        assertEquals(3, calls.size());
        for (String eventId : List.of(status, policy, edit)) {
            assertEquals(occupationId, callFor(calls, eventId).get("occupationId"));
        }
    }

    private Subscribed subscribe(String hook, String occupationId) {
        return subscribe(hook, List.of(occupationId), List.of());
    }

    private Subscribed subscribe(String hook, List<String> occupationIds, List<Map<String, String>> codePrefixes) {
        return subscribers().subscribe(hook, Map.of("occupationIds", occupationIds, "codePrefixes", codePrefixes));
    }

    private static Map<String, String> anzsco(String prefix) {
        return Map.of("codeSystem", "ANZSCO", "prefix", prefix);
    }

    /** The catalog's announcement of a page it has just created. */
    private static String creation(CodeSystem system, String code) {
        return TestOccupations.fixture(EventType.OCCUPATION_CHANGED, system, code)
                .replace("\"revision\": 2", "\"revision\": 1")
                .replace("\"kind\": \"UPDATED\"", "\"kind\": \"CREATED\"");
    }

    private List<Map<?, ?>> awaitDelivered(Subscribed subscription, int count) {
        return subscribers().awaitDelivered(subscription, count);
    }

    private Map<?, ?> subscription(Subscribed subscription) {
        return subscribers().view(subscription);
    }

    private List<Map<?, ?>> deliveries(Subscribed subscription) {
        return subscribers().deliveries(subscription);
    }

    private Subscribers subscribers() {
        return new Subscribers(http, receiver);
    }

    /** careergraph_deliveries_total of webhooks with this outcome. */
    private double deliveries(String outcome) {
        Counter counter = meters.find("careergraph.deliveries").tags("channel", "WEBHOOK", "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}

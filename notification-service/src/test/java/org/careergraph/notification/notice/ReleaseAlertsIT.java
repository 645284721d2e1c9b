package org.careergraph.notification.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careergraph.events.EventType;
import org.careergraph.notification.NotificationIT;
import org.careergraph.notification.Subscribers;
import org.careergraph.notification.Subscribers.Subscribed;
import org.careergraph.notification.TestDatabase;
import org.careergraph.notification.WebhookReceiver;
import org.careergraph.testsupport.TestOccupations;
import org.junit.jupiter.api.Test;

/**
 * A release and the score change it causes reach each watcher as one alert. The hold window is far longer than
 * any test waits: whatever is delivered here was not let go by the window's end, so a merge that did not happen, or a
 * notice held that should not be, shows as a missing or extra delivery.
 */
@MicronautTest(transactional = false)
class ReleaseAlertsIT extends NotificationIT {

    private final WebhookReceiver receiver = webhookReceiver();

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("careergraph.notification.release-hold.window", "1h");
    }

    @Test
    void aReleaseAndTheScoreChangeItCausesReachAWatcherOfEverythingAsOneAlertInBothLanguages() {
        String code = TestOccupations.uniqueCode();
        String occupationId = occupations().announce(code);
        Subscribed everything = subscribe(occupationId, List.of());

        String release = releases().publishRelease(UUID.randomUUID().toString(), code);
        String score = releases().publishScore(UUID.randomUUID().toString(), code, release);
        releases().publishScore(score, code, release);

        awaitDelivered(everything, 1);
        List<WebhookReceiver.Call> calls = receiver.callsTo(everything.hook());
        assertEquals(1, calls.size(), "one alert for the release and its score change");
        Map<?, ?> body = read(calls.get(0).body());
        assertEquals(release, body.get("eventId"));
        assertEquals(EventType.OCCUPATION_CHANGED.type(), body.get("eventType"));
        assertEquals(Map.of(
                "en", "Community Services Worker (" + occupationId + "): median pay USD 108,020 -> 112,590 "
                        + "(OEWS May 2023 -> May 2024); all occupations' median USD 48,060 -> 49,500; also updated: "
                        + "salary bands; income 7.1 -> 7.3; overall 6.2 -> 6.3 from 2026-12-03 (new official release: "
                        + "BLS OEWS May 2024; catalog revision 3)",
                "zh", "社區服務工作者 (" + occupationId + ")：薪資中位數 USD 108,020 -> 112,590（OEWS May 2023 -> "
                        + "May 2024）；全體職業薪資中位數 USD 48,060 -> 49,500；另有更新：薪資範圍；收入 7.1 -> 7.3；"
                        + "總分 6.2 -> 6.3，自 2026-12-03 起（官方新版資料：BLS OEWS May 2024；職業目錄第 3 版）"),
                body.get("message"));
        Map<?, ?> scoreChange = (Map<?, ?>) body.get("scoreChange");
        assertEquals(release, scoreChange.get("causeEventId"), "the score change as it came: " + scoreChange);
        assertEquals(0, TestDatabase.count(jdbc, "SELECT COUNT(*) FROM notice WHERE event_id = ?", score),
                "told within the release's notice, not on its own (also when Kafka delivered it twice)");
        assertEquals(List.of(NoticeKind.SCORE, NoticeKind.SALARY, NoticeKind.CATALOG), kinds(release));

        // Handled once more, as if the inbox had lost it: still nothing of its own.
        jdbc.execute(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM processed_event WHERE event_id = ?")) {
                delete.setString(1, score);
                return delete.executeUpdate();
            }
        });
        releases().publishScore(score, code, release);
        occupations().awaitHandled(score);
        assertEquals(0, TestDatabase.count(jdbc, "SELECT COUNT(*) FROM notice WHERE event_id = ?", score));
        assertEquals(1, TestDatabase.count(jdbc, "SELECT COUNT(*) FROM notification WHERE subscription_id = ?",
                everything.id()));

        String feed = http.toBlocking().retrieve("/api/feeds/" + occupationId + ".atom");
        assertTrue(feed.contains("<title>Community Services Worker: career page and score changed</title>"), feed);
        assertTrue(!feed.contains(": score changed</title>"), feed);
    }

    @Test
    void aScoreOnlyAndASalaryOnlyWatcherEachGetTheOneAlertWithTheFigures() {
        String code = TestOccupations.uniqueCode();
        String occupationId = occupations().announce(code);
        Subscribed scores = subscribe(occupationId, List.of("SCORE"));
        Subscribed salary = subscribe(occupationId, List.of("SALARY"));
        Subscribed aiImpact = subscribe(occupationId, List.of("AI_IMPACT"));

        String release = releases().publishRelease(UUID.randomUUID().toString(), code);
        releases().publishScore(UUID.randomUUID().toString(), code, release);

        awaitDelivered(scores, 1);
        awaitDelivered(salary, 1);
        for (Subscribed subscribed : List.of(scores, salary)) {
            List<WebhookReceiver.Call> calls = receiver.callsTo(subscribed.hook());
            assertEquals(1, calls.size());
            String english = english(read(calls.get(0).body()));
            assertTrue(english.contains(": median pay USD 108,020 -> 112,590 (OEWS May 2023 -> May 2024); ")
                    && english.contains("; income 7.1 -> 7.3; overall 6.2 -> 6.3 from 2026-12-03"), english);
        }
        assertEquals(0, TestDatabase.count(jdbc, "SELECT COUNT(*) FROM notification WHERE subscription_id = ?",
                aiImpact.id()), "the release moved no AI impact figure");
    }

    @Test
    void aScoreChangeThatComesBeforeItsReleaseIsToldWithinTheReleasesAlert() {
        String code = TestOccupations.uniqueCode();
        String occupationId = occupations().announce(code);
        Subscribed everything = subscribe(occupationId, List.of());
        String release = UUID.randomUUID().toString();

        // The two events are on different topics, possibly handled by different instances: either may come first.
        String score = releases().publishScore(UUID.randomUUID().toString(), code, release);
        occupations().awaitHandled(score);
        releases().publishRelease(release, code);

        awaitDelivered(everything, 1);
        List<WebhookReceiver.Call> calls = receiver.callsTo(everything.hook());
        assertEquals(1, calls.size());
        Map<?, ?> body = read(calls.get(0).body());
        assertEquals(release, body.get("eventId"));
        assertTrue(english(body).contains(": median pay USD 108,020 -> 112,590 (OEWS May 2023 -> May 2024); all "
                + "occupations' median USD 48,060 -> 49,500; also updated: salary bands; income 7.1 -> 7.3; overall "
                + "6.2 -> 6.3 from 2026-12-03 (new official release"), english(body));
        assertEquals(release, ((Map<?, ?>) body.get("scoreChange")).get("causeEventId"));
        assertEquals(0, TestDatabase.count(jdbc, "SELECT COUNT(*) FROM notice WHERE event_id = ?", score));
    }

    @Test
    void anEditorsEditAndItsScoreChangeAreNotHeldAndStayTwoAlerts() {
        String code = TestOccupations.uniqueCode();
        String occupationId = occupations().announce(code);
        Subscribed everything = subscribe(occupationId, List.of());

        // The fixture's edit is an editor's (a salary band); its score change names no published figures.
        String edit = occupations().publish(EventType.OCCUPATION_CHANGED, code,
                fixture -> fixture.replace("\"revision\": 2", "\"revision\": 3"));
        String score = occupations().publish(EventType.SCORE_CHANGED, code,
                fixture -> fixture.replace("0b8f6a52-2a7c-4d1e-9a55-6c1d7e9f0a11", edit)
                        .replace(EventType.IMMIGRATION_STATUS_CHANGED.type(), EventType.OCCUPATION_CHANGED.type()));

        awaitDelivered(everything, 2);
        List<WebhookReceiver.Call> calls = receiver.callsTo(everything.hook());
        assertEquals(2, calls.size());
        Map<?, ?> editCall = callFor(calls, edit);
        assertTrue(english(editCall).endsWith(": salary band 2: mid 58000-72000 NZD -> mid 60000-75000 NZD from "
                + "2026-11-20 (catalog revision 3)"), english(editCall));
        assertNull(editCall.get("scoreChange"));
        assertTrue(english(callFor(calls, score)).contains(": overall score 6.6 -> 6.8, PR friendliness 8.0 -> 10.0 "),
                "today's text for a score change without figures");
    }

    /** A webhook subscription to the occupation, for these kinds (none: all). */
    private Subscribed subscribe(String occupationId, List<String> kinds) {
        Map<String, Object> watches = new HashMap<>(Map.of("occupationIds", List.of(occupationId)));
        if (!kinds.isEmpty()) {
            watches.put("kinds", kinds);
        }
        return subscribers().subscribe(UUID.randomUUID().toString(), watches);
    }

    private void awaitDelivered(Subscribed subscription, int count) {
        subscribers().awaitDelivered(subscription, count);
    }

    private Subscribers subscribers() {
        return new Subscribers(http, receiver);
    }

    private List<NoticeKind> kinds(String eventId) {
        return NoticeKind.of((int) TestDatabase.count(jdbc, "SELECT kinds FROM notice WHERE event_id = ?", eventId));
    }
}

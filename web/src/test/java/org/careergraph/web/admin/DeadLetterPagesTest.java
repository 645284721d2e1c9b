package org.careergraph.web.admin;

import static org.careergraph.web.StubbedSite.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.careergraph.web.StubbedSite;
import org.careergraph.web.StubbedSite.Answer;
import org.junit.jupiter.api.Test;

/**
 * The console's dead letters: every service's in one list, newest first, each with a Replay and a Discard form (with
 * the console's form token) that call the service's API and show what came of it.
 */
class DeadLetterPagesTest {

    private static final String CATALOG = """
            {"items": [{"id": 7, "state": "NEW", "originalTopic": "careergraph.scores", "originalPartition": 1,
              "originalOffset": 42, "consumerGroup": "catalog-service", "key": "anzsco-411215",
              "eventId": "5b2e0c1a-score", "eventType": "careergraph.score.changed.v1",
              "error": "java.lang.IllegalStateException: no signal row", "deadLetteredAt": "2026-12-02T05:51:00Z",
              "deadLetterTopic": "careergraph.scores.dlt", "deadLetterPartition": 1, "deadLetterOffset": 3,
              "storedAt": "2026-12-02T05:51:01Z", "valueSize": 420, "truncated": false}],
             "total": 1, "page": 0, "size": 100}""";
    private static final String SCORING = """
            {"items": [{"id": 3, "state": "NEW", "originalTopic": "careergraph.occupations", "originalPartition": 0,
              "originalOffset": 9, "consumerGroup": "scoring-service", "key": "soc-29-1141",
              "error": "io.cloudevents.rw.CloudEventRWException: Could not parse. Unknown encoding.",
              "deadLetteredAt": "2026-12-03T08:00:00.5Z", "deadLetterTopic": "careergraph.occupations.dlt",
              "deadLetterPartition": 0, "deadLetterOffset": 1, "storedAt": "2026-12-03T08:00:01Z", "valueSize": 17,
              "truncated": false}],
             "total": 1, "page": 0, "size": 100}""";
    private static final String NOTIFICATION = """
            {"items": [{"id": 12, "state": "NEW", "originalTopic": "careergraph.immigration-policies",
              "originalPartition": 2, "originalOffset": 5, "consumerGroup": "notification-service",
              "eventId": "policy-1", "eventType": "careergraph.immigration.policy-updated.v1",
              "error": "io.micronaut.json.JsonSyntaxException: Unexpected end-of-input",
              "deadLetteredAt": "2026-11-30T23:00:00Z", "deadLetterTopic": "careergraph.immigration-policies.dlt",
              "deadLetterPartition": 2, "deadLetterOffset": 0, "storedAt": "2026-11-30T23:00:01Z", "valueSize": 16,
              "truncated": false}],
             "total": 140, "page": 0, "size": 100}""";
    private static final String EMPTY = "{\"items\": [], \"total\": 0, \"page\": 0, \"size\": 100}";

    private final StubbedSite site = StubbedSite.start();
    private final Map<String, String> signedIn = Map.of("Cookie", StubbedSite.adminCookie());

    @Test
    void everyServicesDeadLettersAreListedNewestFirstWithReplayAndDiscard() {
        site.answer(DeadLetterPagesTest::lists);

        HttpResponse<String> english = site.get("/admin/dead-letters?lang=en", admin());

        assertEquals(200, english.statusCode(), english.body());
        assertEquals(List.of("scoring #3", "catalog #7", "notification #12"), StubbedSite.column(english.body(),
                "service"), "newest first");
        assertEquals(List.of("careergraph.occupations 0@9", "careergraph.scores 1@42",
                "careergraph.immigration-policies 2@5"), StubbedSite.column(english.body(), "topic"));
        List<String> events = StubbedSite.column(english.body(), "event");
        assertTrue(events.get(0).startsWith("(not a readable event)"), events.toString());
        assertEquals("careergraph.score.changed.v1 5b2e0c1a-score Key anzsco-411215", events.get(1));
        assertEquals("java.lang.IllegalStateException: no signal row", StubbedSite.column(english.body(), "error")
                .get(1));
        assertEquals("2026-12-02 05:51 UTC", StubbedSite.column(english.body(), "when").get(1));
        assertEquals(List.of("New", "New", "New"), StubbedSite.column(english.body(), "state"));
        assertTrue(english.body().contains("action=\"/admin/dead-letters/catalog/7/replay\""), english.body());
        assertTrue(english.body().contains("action=\"/admin/dead-letters/catalog/7/discard\""));
        assertTrue(text(english.body()).contains("notification holds 140 in this state; the newest 1 are shown."));
        assertTrue(csrf(english.body()).length() > 20, "each form carries the console's form token");
        for (String service : List.of("catalog", "immigration", "scoring", "notification")) {
            assertEquals(List.of(Map.of("state", "NEW", "size", "100")),
                    site.callsTo("/api/" + service + "/dead-letters"), service);
        }

        String chinese = site.get("/admin/dead-letters?lang=zh", admin()).body();
        assertTrue(chinese.contains("無法處理的事件（死信）") && chinese.contains(">重新處理</button>")
                && chinese.contains(">捨棄</button>"), chinese);
        assertEquals(List.of("待處理", "待處理", "待處理"), StubbedSite.column(chinese, "state"));

        String console = site.get("/admin?lang=en", admin()).body();
        assertTrue(console.contains("<a href=\"/admin/dead-letters\">Dead letters</a>"), "linked from the console");
    }

    @Test
    void aReplayCallsTheServiceAndSaysItWorked() {
        site.answer(uri -> uri.getPath().equals("/api/catalog/dead-letters/7/replay")
                ? Answer.json(CATALOG.replace("\"NEW\"", "\"REPLAYED\"")) : lists(uri));
        String token = csrf(site.get("/admin/dead-letters", admin()).body());

        HttpResponse<String> replayed = site.post("/admin/dead-letters/catalog/7/replay",
                "csrf=" + encode(token) + "&state=NEW", admin());

        assertEquals(303, replayed.statusCode(), replayed.body());
        String location = replayed.headers().firstValue("Location").orElseThrow();
        assertEquals("/admin/dead-letters?state=NEW&done=replayed&service=catalog&id=7", location);
        assertEquals(1, site.calls().stream().filter(u -> u.getPath().equals("/api/catalog/dead-letters/7/replay"))
                .count());
        String shown = site.get(location + "&lang=en", admin()).body();
        assertTrue(text(shown).contains("Dead letter 7 of catalog was replayed: the service has handled its event."),
                shown);
    }

    @Test
    void aReplayThatFailsAgainSaysWhyAndTheDeadLetterStaysListed() {
        String problem = "{\"type\": \"about:blank\", \"title\": \"Unprocessable Entity\", \"status\": 422, "
                + "\"detail\": \"Dead letter 3 still cannot be read as an event: CloudEventRWException\"}";
        site.answer(uri -> uri.getPath().equals("/api/scoring/dead-letters/3/replay") ? new Answer(422, problem)
                : lists(uri));
        String token = csrf(site.get("/admin/dead-letters", admin()).body());

        HttpResponse<String> refused = site.post("/admin/dead-letters/scoring/3/replay?lang=en",
                "csrf=" + encode(token) + "&state=NEW", admin());

        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(text(refused.body()).contains("Dead letter 3 of scoring could not be replayed, and is unchanged: "
                + "Dead letter 3 still cannot be read as an event: CloudEventRWException"), refused.body());
        assertTrue(refused.body().contains("role=\"alert\""));
        assertTrue(StubbedSite.column(refused.body(), "service").contains("scoring #3"), "still listed");
    }

    @Test
    void aFormWithoutTheConsoleTokenIsRefusedAndCallsNothing() {
        site.answer(DeadLetterPagesTest::lists);

        HttpResponse<String> forged = site.post("/admin/dead-letters/catalog/7/discard", "state=NEW", admin());

        assertEquals(403, forged.statusCode());
        assertTrue(site.calls().isEmpty(), site.calls().toString());
        assertEquals(403, site.get("/admin/dead-letters", Map.of("Cookie", StubbedSite.editorCookie())).statusCode(),
                "admins only");
        assertEquals(303, site.get("/admin/dead-letters").statusCode(), "sign in first");
    }

    @Test
    void aServiceThatDoesNotAnswerIsNamedAndTheOthersAreShown() {
        site.answer(uri -> uri.getPath().equals("/api/notification/dead-letters")
                ? new Answer(503, "{\"status\": 503}") : lists(uri));

        HttpResponse<String> page = site.get("/admin/dead-letters?state=ALL&lang=en", admin());

        assertEquals(200, page.statusCode(), page.body());
        assertTrue(text(page.body()).contains("The notification service did not answer"), page.body());
        assertEquals(List.of("scoring #3", "catalog #7"), StubbedSite.column(page.body(), "service"));
        assertEquals(List.of(Map.of("size", "100")), site.callsTo("/api/catalog/dead-letters"), "any state");
    }

    private static Answer lists(java.net.URI uri) {
        return switch (uri.getPath()) {
            case "/api/catalog/dead-letters" -> Answer.json(CATALOG);
            case "/api/scoring/dead-letters" -> Answer.json(SCORING);
            case "/api/notification/dead-letters" -> Answer.json(NOTIFICATION);
            case "/api/immigration/dead-letters" -> Answer.json(EMPTY);
            default -> null;
        };
    }

    /** One sign-in for the whole test: the form token is derived from it. */
    private Map<String, String> admin() {
        return signedIn;
    }

    private static String csrf(String html) {
        Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(token.find(), html);
        return token.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

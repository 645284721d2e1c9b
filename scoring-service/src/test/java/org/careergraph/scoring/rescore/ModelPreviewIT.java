package org.careergraph.scoring.rescore;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.careergraph.events.EventType;
import org.careergraph.events.ScoreChanged;
import org.careergraph.events.Topics;
import org.careergraph.scoring.ScoringEvents;
import org.careergraph.testsupport.TestEvents;
import org.careergraph.testsupport.TestInfrastructure;
import org.careergraph.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An admin previews a model before putting it in force: the preview stores and publishes nothing, and says what the
 * PUT then does. A class of its own (its own database) so that the versions it puts in force are its own.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelPreviewIT implements TestPropertyProvider {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Argument<List<Map>> LIST = Argument.listOf(Map.class);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    JsonMapper json;

    @Inject
    TransactionOperations<Connection> transactions;

    private final String kafka = TestInfrastructure.kafkaBootstrapServers();
    private final TestEvents events = TestEvents.connect(kafka);
    private final TopicProbe scoreEvents = TopicProbe.open(kafka, Topics.SCORES);

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(TestInfrastructure.serviceProperties("scoring"));
        props.put("careergraph.scoring.rescore.batch-size", "2"); // several pages, as in a catalog of thousands
        return props;
    }

    @AfterAll
    void close() {
        events.close();
        scoreEvents.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPreviewShowsWhatThePutThenDoesAndStoresNothing() {
        ScoringEvents fixtures = new ScoringEvents(json);
        String mixed = TestInfrastructure.uniqueId("anzsco");
        String compressed = TestInfrastructure.uniqueId("anzsco");
        String archived = TestInfrastructure.uniqueId("anzsco");
        String amplified = TestInfrastructure.uniqueId("anzsco");
        String silentOnAi = TestInfrastructure.uniqueId("anzsco");
        // New Zealand pages as the catalog holds them: no US release figures, so AI risk is the page's verdict.
        events.publish(EventType.OCCUPATION_CHANGED, mixed, fixtures.nzOccupationWith(mixed, "aiVerdict", "MIXED"));
        events.publish(EventType.OCCUPATION_CHANGED, compressed,
                fixtures.nzOccupationWith(compressed, "aiVerdict", "COMPRESSED_BY_AUTOMATION"));
        events.publish(EventType.OCCUPATION_CHANGED, archived, fixtures.fixture(EventType.OCCUPATION_CHANGED, archived,
                e -> {
                    Map<String, Object> facts = (Map<String, Object>) e.get("occupation");
                    facts.put("aiVerdict", "COMPRESSED_BY_AUTOMATION");
                    facts.put("archived", true);
                    facts.put("published", null);
                }));
        events.publish(EventType.OCCUPATION_CHANGED, amplified,
                fixtures.nzOccupationWith(amplified, "aiVerdict", "AMPLIFIED_BY_AI"));
        events.publish(EventType.OCCUPATION_CHANGED, silentOnAi, fixtures.fixture(EventType.OCCUPATION_CHANGED,
                silentOnAi, e -> {
                    Map<String, Object> facts = (Map<String, Object>) e.get("occupation");
                    facts.put("aiVerdict", null);
                    facts.put("aiTools", List.of());
                    facts.put("tasksTakenOver", 0);
                    facts.put("tasksAugmented", 0);
                    facts.put("published", null);
                }));
        List<String> all = List.of(mixed, compressed, archived, amplified, silentOnAi);
        for (String id : all) {
            await().atMost(WAIT).until(() -> scoreEvents.recordsWithKey(id).size() == 1);
        }

        ModelApi api = new ModelApi(http.toBlocking(), json);
        Map<String, Object> model = api.model();
        assertSameAsCurrent(model, 2, all.size());
        ((Map<String, Object>) model.get("weights")).put("aiRisk", 3);
        api.assertRefusesBadRequests(ModelApi::preview, model);

        Map<String, Object> preview = http.toBlocking().retrieve(ModelApi.preview(model, ModelApi.ADMIN), Map.class);
        assertEquals(2, preview.get("currentVersion"));
        assertEquals(false, preview.get("sameAsCurrent"));
        assertEquals(List.of(Map.of("path", "/weights/aiRisk", "before", 2, "after", 3)),
                preview.get("changedParameters"));
        assertEquals(all.size(), preview.get("total"), "archived occupations are re-scored too");
        // Facts only (no status): demand 7 x 1.5, AI risk x 2 -> 3, competition, learning 9.1 (mean of 0.5 for skill
        // level 4 and the page's 1 year), certification 10. Mixed 45.8 / 6.5 = 7.0 -> 51.4 / 7.5 = 6.9; compressed
        // 38.8 / 6.5 = 6.0 -> 41.4 / 7.5 = 5.5; amplified 50.3 / 6.5 = 7.7 -> 57.9 / 7.5 = 7.7 (no move); not rated
        // on AI risk: its weight does not count.
        assertEquals(3, preview.get("changed"));
        List<Map<String, Object>> movers = (List<Map<String, Object>>) preview.get("movers");
        assertEquals(List.of(compressed, archived).stream().sorted().toList(), movers.subList(0, 2).stream()
                .map(m -> m.get("occupationId")).toList(), "|-0.5| first, ties by id");
        assertEquals(mixed, movers.get(2).get("occupationId"));
        assertEquals(List.of("-0.5", "-0.5", "-0.1"), movers.stream().map(m -> decimal(m.get("delta"))
                .toPlainString()).toList());
        assertEquals("Community Services Worker", movers.get(2).get("titleEn"));
        assertEquals("社區服務工作者", movers.get(2).get("titleZh"));
        assertEquals("ANZSCO", movers.get(2).get("codeSystem"));
        assertTrue(((Map<String, Integer>) preview.get("dimensionsMoved")).values().stream().allMatch(n -> n == 0),
                "a weight moves no dimension: " + preview.get("dimensionsMoved"));

        Map<String, Object> inForce = api.inForce();
        assertEquals(2, inForce.get("version"), "no model stored");
        assertEquals(2, ((Map<?, ?>) inForce.get("rescore")).get("modelVersion"),
                "no job started: the latest is the one that moved the service to model 2");
        for (String id : all) {
            assertEquals(1, http.toBlocking().retrieve(HttpRequest.GET("/api/scores/" + id + "/history"), LIST)
                    .size(), "no history row");
        }

        HttpResponse<Map> accepted = http.toBlocking().exchange(ModelApi.put(model, ModelApi.ADMIN), Map.class);
        assertEquals(HttpStatus.ACCEPTED, accepted.getStatus());
        Map<?, ?> done = await().atMost(WAIT).until(() -> http.toBlocking().retrieve(HttpRequest.GET(
                accepted.getHeaders().get("Location")), Map.class), p -> "DONE".equals(p.get("state")));
        assertEquals(preview.get("total"), done.get("total"));
        assertEquals(preview.get("changed"), done.get("changed"));
        for (Map<String, Object> mover : movers) {
            String id = (String) mover.get("occupationId");
            ScoreChanged moved = fixtures.scoreChanges(await().atMost(WAIT)
                    .until(() -> scoreEvents.recordsWithKey(id), r -> r.size() >= 2)).getLast();
            assertEquals(0, decimal(mover.get("before")).compareTo(moved.before().overall()), id);
            assertEquals(0, decimal(mover.get("after")).compareTo(moved.after().overall()), id);
            Map<?, ?> stored = http.toBlocking().retrieve(HttpRequest.GET("/api/scores/" + id), Map.class);
            assertEquals(0, decimal(mover.get("after")).compareTo(decimal(stored.get("overall"))), id);
        }
        // The job's events are in, after any the preview could have published: one each, and none for the others.
        Set<String> moverIds = movers.stream().map(m -> (String) m.get("occupationId")).collect(Collectors.toSet());
        for (String id : all) {
            int expected = moverIds.contains(id) ? 2 : 1;
            assertEquals(expected, scoreEvents.recordsWithKey(id).size(), id);
            assertEquals(expected, http.toBlocking().retrieve(HttpRequest.GET("/api/scores/" + id + "/history"),
                    LIST).size(), id);
        }

        assertSameAsCurrent(model, 3, all.size());

        // A stored score a change never reached (as after a lost event): the model in force previews it as moving.
        assertEquals(1, (int) transactions.<Integer>executeWrite(tx -> {
            try (Statement sql = tx.getConnection().createStatement()) {
                return sql.executeUpdate("UPDATE score SET overall = overall - 1 WHERE occupation_id = '" + mixed + "'");
            }
        }));
        Map<?, ?> drift = http.toBlocking().retrieve(ModelApi.preview(model, ModelApi.ADMIN), Map.class);
        assertEquals(true, drift.get("sameAsCurrent"));
        assertEquals(1, drift.get("changed"));
        assertEquals(mixed, ((List<Map<String, Object>>) drift.get("movers")).getFirst().get("occupationId"));
    }

    /** The model in force previews as itself: nothing to change, as its PUT re-scores nothing. */
    private void assertSameAsCurrent(Map<String, Object> model, int version, int total) {
        Map<?, ?> preview = http.toBlocking().retrieve(ModelApi.preview(model, ModelApi.ADMIN), Map.class);
        assertEquals(version, preview.get("currentVersion"));
        assertEquals(true, preview.get("sameAsCurrent"));
        assertEquals(List.of(), preview.get("changedParameters"));
        assertEquals(total, preview.get("total"));
        assertEquals(0, preview.get("changed"));
        assertEquals(List.of(), preview.get("movers"));
    }

    private static BigDecimal decimal(Object number) {
        return new BigDecimal(String.valueOf(number));
    }
}

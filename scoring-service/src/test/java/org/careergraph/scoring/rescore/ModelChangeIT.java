package org.careergraph.scoring.rescore;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.careergraph.events.EventType;
import org.careergraph.events.FieldChange;
import org.careergraph.events.ScoreChanged;
import org.careergraph.events.ScoringModelChanged;
import org.careergraph.events.Topics;
import org.careergraph.scoring.ScoringEvents;
import org.careergraph.testsupport.TestEvents;
import org.careergraph.testsupport.TestInfrastructure;
import org.careergraph.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** An admin changes the scoring model: the catalog is re-scored in the background and only real moves are told. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelChangeIT implements TestPropertyProvider {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    JsonMapper json;

    private final String kafka = TestInfrastructure.kafkaBootstrapServers();
    private final TestEvents events = TestEvents.connect(kafka);
    private final TopicProbe scoreEvents = TopicProbe.open(kafka, Topics.SCORES);
    private final TopicProbe modelEvents = TopicProbe.open(kafka, Topics.SCORING_MODELS);

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(TestInfrastructure.serviceProperties("scoring"));
        props.put("careergraph.scoring.rescore.batch-size", "2");
        return props;
    }

    @AfterAll
    void close() {
        events.close();
        scoreEvents.close();
        modelEvents.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aModelChangeReScoresTheCatalogAndTellsOnlyTheScoresThatMoved() throws Exception {
        ScoringEvents fixtures = new ScoringEvents(json);
        String mixed = TestInfrastructure.uniqueId("anzsco");
        String compressed = TestInfrastructure.uniqueId("anzsco");
        String amplified = TestInfrastructure.uniqueId("anzsco");
        events.publish(EventType.OCCUPATION_CHANGED, mixed, fixtures.occupationWith(mixed, "aiVerdict", "MIXED"));
        events.publish(EventType.OCCUPATION_CHANGED, compressed,
                fixtures.occupationWith(compressed, "aiVerdict", "COMPRESSED_BY_AUTOMATION"));
        events.publish(EventType.OCCUPATION_CHANGED, amplified,
                fixtures.occupationWith(amplified, "aiVerdict", "AMPLIFIED_BY_AI"));
        for (String id : List.of(mixed, compressed, amplified)) {
            await().atMost(WAIT).until(() -> scoreEvents.recordsWithKey(id).size() == 1);
        }

        ModelApi api = new ModelApi(http.toBlocking(), json);
        Map<String, Object> current = api.inForce();
        assertEquals(2, current.get("version"), "the shipped model 2 took over from model 1 on the first start");
        assertEquals(2, ((Map<?, ?>) current.get("model")).get("formula"));
        Map<String, Object> model = (Map<String, Object>) current.get("model");
        ((Map<String, Object>) model.get("aiRisk")).put("compressedByAutomation", 1);
        api.assertRefusesBadRequests(ModelApi::put, model);

        HttpResponse<Map> accepted = http.toBlocking().exchange(ModelApi.put(model, ModelApi.ADMIN), Map.class);
        assertEquals(HttpStatus.ACCEPTED, accepted.getStatus());
        assertEquals(3, accepted.body().get("version"));
        String job = accepted.getHeaders().get("Location");
        Map<?, ?> done = await().atMost(WAIT).until(() -> http.toBlocking().retrieve(HttpRequest.GET(job), Map.class),
                p -> "DONE".equals(p.get("state")));
        assertEquals(done.get("total"), done.get("scored"));
        assertEquals(1, done.get("changed"), "only the compressed occupation's AI risk moves");

        ScoringModelChanged changed = fixtures.read(await().atMost(WAIT).until(() -> modelEvents.records(),
                r -> !r.isEmpty()).getLast().value(), ScoringModelChanged.class);
        assertEquals("3", changed.version());
        assertEquals("2", changed.previousVersion());
        FieldChange change = changed.changes().getFirst();
        assertEquals(1, changed.changes().size());
        assertEquals("/aiRisk/compressedByAutomation", change.path());
        assertEquals("3 -> 1", change.before() + " -> " + change.after());

        ScoreChanged moved = fixtures.scoreChanges(await().atMost(WAIT)
                .until(() -> scoreEvents.recordsWithKey(compressed), r -> r.size() == 2)).get(1);
        assertEquals("3", moved.modelVersion());
        assertEquals(EventType.SCORING_MODEL_CHANGED.type(), moved.causeEventType());
        assertEquals(TopicProbe.header(modelEvents.records().getLast(), "ce_id"), moved.causeEventId());
        // The research's 6.9864 (the fixture's exposure figures) weighed 2 to 1 with the page's verdict points.
        assertEquals(0, new BigDecimal("5.5").compareTo(moved.before().dimensions().get("aiRisk")),
                "(2 x 6.9864 + (3 - 0.2 x 2)) / 3 = 5.5243");
        assertEquals(new BigDecimal("4.9"), moved.after().dimensions().get("aiRisk"),
                "(2 x 6.9864 + (1 - 0.2 x 2 partial tools)) / 3 = 4.8576");
        assertTrue(moved.reason().startsWith("scoring model 2 -> 3 (/aiRisk/compressedByAutomation 3 -> 1)"),
                moved.reason());
        assertEquals(1, scoreEvents.recordsWithKey(mixed).size(), "no event for a score that did not move");
        assertEquals(1, scoreEvents.recordsWithKey(amplified).size());
        Map<?, ?> unmoved = http.toBlocking().retrieve(HttpRequest.GET("/api/scores/" + mixed), Map.class);
        assertEquals("3", unmoved.get("modelVersion"), "re-stored under the new model all the same");

        HttpResponse<Map> same = http.toBlocking().exchange(ModelApi.put(model, ModelApi.ADMIN), Map.class);
        assertEquals(HttpStatus.OK, same.getStatus(), "the model in force already: nothing to re-score");
        assertEquals(3, same.body().get("version"));
        Map<?, ?> first = http.toBlocking().retrieve(HttpRequest.GET("/api/scoring/models/1"), Map.class);
        assertEquals(3, ((Map<?, ?>) ((Map<?, ?>) first.get("model")).get("aiRisk")).get("compressedByAutomation"));
    }
}

package org.careergraph.scoring.rescore;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.transaction.TransactionOperations;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.careergraph.events.EventType;
import org.careergraph.events.ScoreChanged;
import org.careergraph.events.Topics;
import org.careergraph.scoring.ScoringEvents;
import org.careergraph.testsupport.TestEvents;
import org.careergraph.testsupport.TestInfrastructure;
import org.careergraph.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;

/**
 * A deployment that scored its catalog under the shipped model 1 starts the release that ships model 2: the service
 * puts model 2 in force as an admin's change would, re-scores the catalog in the background, publishes only the scores
 * that moved, and keeps model 1 readable.
 */
class ShippedModelMoveIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    @SuppressWarnings("unchecked")
    void aCatalogUnderTheShippedModel1MovesToModel2OnStart() throws Exception {
        Map<String, String> props = new HashMap<>(TestInfrastructure.serviceProperties("scoring"));
        String kafka = TestInfrastructure.kafkaBootstrapServers();
        String moves = TestInfrastructure.uniqueId("anzsco");
        String stays = TestInfrastructure.uniqueId("anzsco");
        try (TestEvents events = TestEvents.connect(kafka); TopicProbe scores = TopicProbe.open(kafka, Topics.SCORES)) {
            // The service as it was: model 1, shipped, in force (a fresh start stores it, then moves on: undo that).
            try (EmbeddedServer before = ApplicationContext.run(EmbeddedServer.class, Map.copyOf(props))) {
                TransactionOperations<Connection> tx = before.getApplicationContext()
                        .getBean(TransactionOperations.class);
                await().atMost(WAIT).until(() -> tx.executeRead(s -> count(s.getConnection(),
                        "SELECT COUNT(*) FROM scoring_model")) == 2);
                tx.executeWrite(status -> {
                    try (Statement sql = status.getConnection().createStatement()) {
                        sql.executeUpdate("DELETE FROM rescore_job");
                        sql.executeUpdate("DELETE FROM scoring_model WHERE version = 2");
                    }
                    return null;
                });
                ScoringEvents fixtures = new ScoringEvents(before.getApplicationContext().getBean(JsonMapper.class));
                // A page with a skill level: model 2 reads it for learning duration, model 1 did not.
                events.publish(EventType.OCCUPATION_CHANGED, moves, fixtures.nzOccupationWith(moves, "skillLevel", 4));
                // A page without one: model 2 reads what model 1 read, and its score does not move.
                events.publish(EventType.OCCUPATION_CHANGED, stays, fixtures.nzOccupationWith(stays, "skillLevel",
                        null));
                for (String id : List.of(moves, stays)) {
                    ScoreChanged first = read(before, await().atMost(WAIT).until(() -> scores.recordsWithKey(id),
                            r -> !r.isEmpty()).getFirst().value());
                    assertEquals("1", first.modelVersion(), id);
                }
            }

            try (EmbeddedServer after = ApplicationContext.run(EmbeddedServer.class, Map.copyOf(props));
                 HttpClient http = HttpClient.create(after.getURL())) {
                Map<String, Object> inForce = http.toBlocking().retrieve(HttpRequest.GET("/api/scoring/model"),
                        Map.class);
                assertEquals(2, inForce.get("version"));
                assertEquals(2, ((Map<String, Object>) inForce.get("model")).get("formula"));
                String job = "/api/scoring/rescores/" + ((Map<String, Object>) inForce.get("rescore")).get("id");
                Map<String, Object> done = await().atMost(WAIT).until(() -> http.toBlocking().retrieve(
                        HttpRequest.GET(job), Map.class), p -> "DONE".equals(p.get("state")));
                assertEquals(done.get("total"), done.get("scored"));
                assertEquals(0, done.get("secondsLeft"));
                assertTrue(((Number) done.get("changed")).intValue() >= 1, "at least our page moved: " + done);

                ScoreChanged moved = read(after, await().atMost(WAIT).until(() -> scores.recordsWithKey(moves),
                        r -> r.size() == 2).getLast().value());
                assertEquals("2", moved.modelVersion());
                assertTrue(moved.reason().startsWith("scoring model 1 -> 2 (formula 1 -> 2, "), moved.reason());
                assertEquals(new BigDecimal("8.8"), moved.before().dimensions().get("learningDuration"),
                        "10 - 1.25 x the page's 1 year");
                assertEquals(new BigDecimal("9.1"), moved.after().dimensions().get("learningDuration"),
                        "10 - 1.25 x mean(0.5 for skill level 4, 1 year) = 9.0625");
                assertEquals(1, scores.recordsWithKey(stays).size(), "a score that did not move is not published");
                Map<String, Object> unmoved = http.toBlocking().retrieve(HttpRequest.GET("/api/scores/" + stays),
                        Map.class);
                assertEquals("2", unmoved.get("modelVersion"), "stored under model 2 all the same");

                Map<String, Object> first = http.toBlocking().retrieve(HttpRequest.GET("/api/scoring/models/1"),
                        Map.class);
                assertNull(((Map<String, Object>) first.get("model")).get("formula"), "model 1 stays readable");
                List<Map> history = http.toBlocking().retrieve(HttpRequest.GET("/api/scores/" + moves
                        + "/history"), Argument.listOf(Map.class));
                assertEquals(List.of("2", "1"), history.stream().map(h -> h.get("modelVersion")).toList());
            }
        }
    }

    private static long count(Connection connection, String query) {
        try (Statement sql = connection.createStatement(); var rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ScoreChanged read(EmbeddedServer server, byte[] value) {
        return new ScoringEvents(server.getApplicationContext().getBean(JsonMapper.class))
                .read(value, ScoreChanged.class);
    }
}

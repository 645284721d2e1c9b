package org.careergraph.deploy.local;

import org.careergraph.deploy.WebhookChallenge;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careergraph.embedded.FreePorts;
import org.careergraph.events.Topics;
import org.careergraph.testsupport.TestInfrastructure;
import org.careergraph.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 16's end-to-end check on the publishers' real files: the whole system (four services and the gateway) with
 * every official release an admin imports through the API, OEWS May 2023 among them; once all some 2,000 occupations
 * are scored under model 2, OEWS May 2024 replaces May 2023. The score-changed events it causes must be exactly one
 * per occupation whose stored score moved (found by reading every score before and after, not from the events), every
 * moved score must rest on the new release, and a webhook watching three occupations gets exactly three alerts, each
 * with the figures before and after.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReleaseScoresIT {

    private static final Duration EVENTUALLY = Duration.ofMinutes(6);
    private static final int NO_MAIL = 9;
    /** Whose OEWS medians move their income by at least 0.1 (docs/scoring.md has the arithmetic). */
    private static final List<String> WATCHED = List.of("soc-15-2051", "soc-29-1141", "soc-25-2021");

    private final ObjectMapper json = new ObjectMapper();
    private final List<JsonNode> alerts = new CopyOnWriteArrayList<>();
    private final List<String> alertIds = new CopyOnWriteArrayList<>();
    private HttpServer receiver;
    private LocalLauncher launcher;
    private TopicProbe scoreEvents;
    private SystemApi api;
    private Path root;

    @BeforeAll
    void startTheSystemWithoutReleases() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks/release-watch", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                if (WebhookChallenge.answered(exchange, body)) {
                    return; // the subscription's verification
                }
                alertIds.add(exchange.getRequestHeaders().getFirst("webhook-id"));
                alerts.add(json.readTree(body));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        receiver.start();
        String run = UUID.randomUUID().toString().substring(0, 8);
        LocalLauncher.Infrastructure infrastructure = new LocalLauncher.Infrastructure(
                TestInfrastructure.kafkaBootstrapServers(),
                database -> TestInfrastructure.jdbcUrl("releases_" + run + "_" + database),
                TestInfrastructure.dbUsername(), TestInfrastructure.dbPassword(), NO_MAIL);
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, FreePorts.pick());
        }
        root = Path.of(System.getProperty("careergraph.root", "..")).toAbsolutePath().normalize();
        launcher = new LocalLauncher(new LocalLauncher.Config(root, Path.of("target", "release-scores", run)
                .toAbsolutePath(), FreePorts.pick(), ports, false, false, Duration.ofMinutes(4), System.out))
                .start(infrastructure);
        scoreEvents = TopicProbe.open(TestInfrastructure.kafkaBootstrapServers(), Topics.SCORES);
        api = new SystemApi(launcher.url().toString(), launcher.adminToken());
    }

    @AfterAll
    void stopTheSystem() {
        if (launcher != null) {
            launcher.close();
        }
        if (scoreEvents != null) {
            scoreEvents.close();
        }
        if (api != null) {
            api.close();
        }
        receiver.stop(0);
    }

    @Test
    void oewsMay2024MovesExactlyTheScoresItShouldAndTellsTheirWatchers() throws Exception {
        for (SystemApi.Release release : SystemApi.releasesUpToOewsMay2023(root)) {
            importRelease(release);
        }

        List<String> ids = api.occupationIds("");
        assertTrue(ids.size() > 2000, "every occupation of the releases: " + ids.size());
        // Scored and given a status, until nothing moves any more (an occupation with no figure at all, such as the
        // military's, has nothing to rate and no score).
        await().atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(2)).until(() ->
                api.total("/api/occupations?size=1&minScore=0&maxScore=10") > ids.size() * 9 / 10);
        quiet();
        Map<String, JsonNode> before = scores(ids);
        assertTrue(before.size() > ids.size() * 9 / 10, "nearly all occupations scored: " + before.size());

        String webhookUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/release-watch";
        HttpResponse<String> subscribed = api.send("POST", "/api/subscriptions", json.writeValueAsBytes(Map.of(
                "webhookUrl", webhookUrl, "occupationIds", WATCHED)), "application/json", null);
        assertEquals(201, subscribed.statusCode(), subscribed.body());
        int mark = quiet();

        importRelease(SystemApi.oewsMay2024(root));
        await().atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1)).until(() -> WATCHED.stream().allMatch(id ->
                score(id).path("explanation").toString().contains("BLS OEWS May 2024")));
        int end = quiet();
        Map<String, JsonNode> after = scores(ids);
        assertEquals(before.keySet(), after.keySet(), "a release makes no score appear or vanish here");

        // Moved scores, from the API alone; then the events the release caused.
        Set<String> moved = new TreeSet<>();
        for (String id : before.keySet()) {
            if (!sameScore(before.get(id), after.get(id))) {
                moved.add(id);
            }
        }
        List<ConsumerRecord<String, byte[]>> caused = scoreEvents.records().subList(mark, end);
        Map<String, Long> eventsPerOccupation = caused.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                Collectors.counting()));
        assertTrue(moved.size() > 400, "most US incomes move with May 2024: " + moved.size());
        assertEquals(moved.size(), caused.size(), "one score-changed event per moved score");
        assertEquals(moved, new TreeSet<>(eventsPerOccupation.keySet()));
        for (String id : moved) {
            assertTrue(after.get(id).path("explanation").toString().contains("BLS OEWS May 2024"),
                    id + " moved on the new release: " + after.get(id).path("explanation"));
        }
        assertTrue(moved.containsAll(WATCHED), "the watched occupations' scores move: " + WATCHED);
        System.out.printf("OEWS May 2023 -> May 2024: %d of %d scores moved, %d score-changed events%n", moved.size(),
                before.size(), caused.size());

        // The watcher hears of each once, with the figures before and after.
        await().atMost(Duration.ofMinutes(2)).until(() -> alerts.size() >= WATCHED.size());
        await().during(Duration.ofSeconds(40)).atMost(Duration.ofSeconds(60)).until(() ->
                alerts.size() == WATCHED.size());
        assertEquals(WATCHED.size(), Set.copyOf(alertIds).size(), "each alert its own webhook-id");
        Map<String, JsonNode> byOccupation = new HashMap<>();
        alerts.forEach(alert -> byOccupation.put(alert.path("occupationId").asText(), alert));
        assertEquals(Set.copyOf(WATCHED), byOccupation.keySet());
        String scientists = byOccupation.get("soc-15-2051").toString();
        for (String figure : List.of("108,020", "112,590", "May 2023", "May 2024", "48,060", "49,500")) {
            assertTrue(scientists.contains(figure), figure + " in " + scientists);
        }
        assertTrue(scientists.contains("薪資"), "and in Chinese: " + scientists);
    }

    // --- the system, through the gateway ---

    private void importRelease(SystemApi.Release release) throws Exception {
        JsonNode done = api.importRelease(release, EVENTUALLY);
        assertEquals("APPLIED", done.path("status").asText(), release.name() + ": " + done);
    }

    /** The occupations that have a score, with it. */
    private Map<String, JsonNode> scores(List<String> ids) throws Exception {
        Map<String, JsonNode> scores = new HashMap<>();
        for (String id : ids) {
            HttpResponse<String> response = api.send("GET", "/api/scores/" + id, null, null, null);
            assertTrue(response.statusCode() == 200 || response.statusCode() == 404, id + ": " + response.body());
            if (response.statusCode() == 200) {
                scores.put(id, json.readTree(response.body()));
            }
        }
        return scores;
    }

    private JsonNode score(String id) {
        try {
            HttpResponse<String> response = api.send("GET", "/api/scores/" + id, null, null, null);
            assertEquals(200, response.statusCode(), id + ": " + response.body());
            return json.readTree(response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Overall and every dimension numerically equal. */
    private static boolean sameScore(JsonNode a, JsonNode b) {
        if (a.path("overall").decimalValue().compareTo(b.path("overall").decimalValue()) != 0) {
            return false;
        }
        Set<String> names = new TreeSet<>();
        a.path("dimensions").fieldNames().forEachRemaining(names::add);
        b.path("dimensions").fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode x = a.path("dimensions").path(name);
            JsonNode y = b.path("dimensions").path(name);
            if (x.isMissingNode() != y.isMissingNode()
                    || !x.isMissingNode() && x.decimalValue().compareTo(y.decimalValue()) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Waits until no score event has come for five seconds; answers how many the probe has seen. */
    private int quiet() {
        AtomicInteger seen = new AtomicInteger(-1);
        await().atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(5)).until(() -> {
            int now = scoreEvents.records().size();
            return seen.getAndSet(now) == now;
        });
        return seen.get();
    }
}

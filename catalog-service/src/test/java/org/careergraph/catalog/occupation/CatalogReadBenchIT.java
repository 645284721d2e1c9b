package org.careergraph.catalog.occupation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import org.awaitility.Awaitility;
import org.careergraph.catalog.signal.Signals;
import org.careergraph.events.CodeSystem;
import org.careergraph.events.EventFixtures;
import org.careergraph.events.EventType;
import org.careergraph.testsupport.TestEvents;
import org.careergraph.testsupport.TestInfrastructure;
import org.careergraph.testsupport.bench.BenchForm;
import org.careergraph.testsupport.bench.BenchReport;
import org.careergraph.testsupport.bench.Figure;
import org.careergraph.testsupport.bench.Goal;
import org.careergraph.testsupport.bench.HttpLoad;
import org.careergraph.testsupport.bench.Medians;
import org.careergraph.testsupport.bench.StatementCount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Benchmark (docs/performance.md): {@code GET /api/occupations/{id}} against a hello-world endpoint of the same
 * server under the same closed-loop load; beside it, the same answers served from memory (what the read's database
 * round trip costs) and, for the hand measurement, {@code /health/liveness}. The catalog is made as a first
 * start makes it (the bundled releases and the seed pages; the seed pages alone in the smoke form), each occupation
 * with a score heard from the scoring service's topic, and the reads go round every occupation in a shuffled order.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogReadBenchIT implements TestPropertyProvider {

    private static final BenchForm FORM = BenchForm.current();
    private static final String HELLO = "/bench/hello";
    private static final String LIVENESS = "/health/liveness";
    private static final String IN_MEMORY = "/bench/in-memory/{id}";
    private static final String READ = "/api/occupations/{id}";
    private static final int CONNECTIONS = FORM.pick(4, 16);
    private static final Duration WARM_UP = FORM.pick(Duration.ofSeconds(1), Duration.ofSeconds(5));
    private static final Duration MEASURED = FORM.pick(Duration.ofSeconds(3), Duration.ofSeconds(10));
    /** Each round loads every endpoint in turn; the figures are the rounds' medians. */
    private static final int ROUNDS = FORM.pick(1, 3);

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    OccupationService occupations;

    @Inject
    Signals signals;

    @Inject
    JdbcOperations jdbc;

    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(TestInfrastructure.serviceProperties("catalogbench"));
        props.put("spec.name", CatalogReadBenchIT.class.getSimpleName());
        props.put("careergraph.catalog.load-releases", String.valueOf(FORM.isFull()));
        props.put("careergraph.catalog.load-seeds", "true");
        return props;
    }

    @Test
    void aCatalogReadAgainstHelloWorldOnTheSameServer() {
        List<String> ids = new ArrayList<>();
        for (CodeSystem system : CodeSystem.values()) {
            ids.addAll(occupations.idsIn(system));
        }
        Collections.shuffle(ids, new Random(19));
        hearAScoreForEach(ids);
        long pageBytes = readEachOnce(ids);

        Map<String, LongFunction<String>> endpoints = new LinkedHashMap<>();
        endpoints.put(HELLO, n -> HELLO);
        endpoints.put(LIVENESS, n -> LIVENESS);
        endpoints.put(IN_MEMORY, n -> "/bench/in-memory/" + ids.get((int) (n % ids.size())));
        endpoints.put(READ, n -> "/api/occupations/" + ids.get((int) (n % ids.size())));
        Map<String, List<HttpLoad.Result>> results = new HashMap<>();
        for (int round = 1; round <= ROUNDS; round++) {
            for (Map.Entry<String, LongFunction<String>> endpoint : endpoints.entrySet()) {
                HttpLoad.Result result = HttpLoad.get(server.getURI(), endpoint.getValue(), CONNECTIONS, WARM_UP,
                        MEASURED);
                System.out.printf("Round %d of %d, GET %s: %s%n", round, ROUNDS, endpoint.getKey(), result);
                assertTrue(result.requests() > 0, "answers came: " + result);
                assertEquals(0, result.failures(), "every answer a 200: " + result);
                results.computeIfAbsent(endpoint.getKey(), key -> new ArrayList<>()).add(result);
            }
        }
        long statementsBefore = statements();
        readEachOnce(ids);
        double statementsPerRead = (double) (statements() - statementsBefore)
                / ids.size();

        String load = String.format("%d connections, %d s warm-up then %d s measured, median of %d round%s",
                CONNECTIONS, WARM_UP.toSeconds(), MEASURED.toSeconds(), ROUNDS, ROUNDS == 1 ? "" : "s");
        String helloBaseline = "GET " + HELLO + " (hello world, same server and load)";
        String read = "GET " + READ;
        List<Figure> figures = List.of(
                Figure.rate(read, rate(results, READ), "req/s", helloBaseline, rate(results, HELLO),
                        Goal.ratioAtLeast(0.5), String.format("%,d occupations read in turn (%,d bytes a page on"
                                + " average; the baseline answers 17), each with its score; %s; the load generator"
                                + " shares the JVM and its 2 cores. The same answers from memory: %.0f req/s (%.2f of"
                                + " hello world); the read's database round trip: %.2f SQL statements a read (the"
                                + " server's count over one more read of each occupation)", ids.size(),
                                pageBytes / ids.size(), load, rate(results, IN_MEMORY),
                                rate(results, IN_MEMORY) / rate(results, HELLO), statementsPerRead)),
                Figure.time(read + ", p50 latency", latency(results, READ, 50), "ms", helloBaseline,
                        latency(results, HELLO, 50), null, load),
                Figure.time(read + ", p99 latency", latency(results, READ, 99), "ms", helloBaseline,
                        latency(results, HELLO, 99), null, load),
                Figure.rate(read, rate(results, READ), "req/s", "GET " + IN_MEMORY + " (the same answers from"
                                + " memory, same server, executor and load)", rate(results, IN_MEMORY), null,
                        String.format("what the database round trip that keeps every read current costs; in memory"
                                + " p50 %.2f ms, p99 %.2f ms", latency(results, IN_MEMORY, 50),
                                latency(results, IN_MEMORY, 99))),
                Figure.rate(read, rate(results, READ), "req/s", "GET " + LIVENESS + " (same server and load)",
                        rate(results, LIVENESS), null, String.format("the issue's hand measurement (wrk): 1,430"
                                + " against 3,090 req/s, 0.46; liveness p50 %.2f ms, p99 %.2f ms",
                                latency(results, LIVENESS, 50), latency(results, LIVENESS, 99))));
        figures.forEach(f -> assertTrue(f.finite(), "a number: " + f));
        BenchReport.write("catalog-read", String.format("GET /api/occupations/{id} over a catalog of %,d"
                + " occupations (%s), each in turn, against hello world, the same answers from memory and the"
                + " liveness check of the same catalog server", ids.size(),
                FORM.pick("the seed pages", "the bundled releases and the seed pages")), figures);
    }

    /** Every occupation gets a score, as the scoring service publishes one: a read then answers one. */
    private void hearAScoreForEach(List<String> ids) {
        try (TestEvents events = TestEvents.connect(TestInfrastructure.kafkaBootstrapServers())) {
            for (int i = 0; i < ids.size(); i++) {
                events.publish(EventType.SCORE_CHANGED, ids.get(i),
                        EventFixtures.json(EventType.SCORE_CHANGED, ids.get(i)));
                if ((i + 1) % 500 == 0) {
                    System.out.printf("Scores published: %,d of %,d%n", i + 1, ids.size());
                }
            }
        }
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> signals.findAll(ids).size(), heard -> heard == ids.size());
    }

    /** Reads each occupation once, each with its score: the size of all the pages, in bytes. */
    private long readEachOnce(List<String> ids) {
        long bytes = 0;
        for (String id : ids) {
            HttpResponse<String> page = http.toBlocking().exchange(HttpRequest.GET("/api/occupations/" + id),
                    String.class);
            String body = page.body();
            assertTrue(body.contains("\"score\":{"), "read with its score: " + id);
            bytes += body.getBytes(StandardCharsets.UTF_8).length;
        }
        return bytes;
    }

    private static double rate(Map<String, List<HttpLoad.Result>> results, String endpoint) {
        return Medians.of(results.get(endpoint), HttpLoad.Result::rate);
    }

    private static double latency(Map<String, List<HttpLoad.Result>> results, String endpoint, double percent) {
        return Medians.of(results.get(endpoint), r -> r.latencies().percentileMillis(percent));
    }


    /** The baselines, only in this benchmark. */
    @Controller("/bench")
    @Requires(property = "spec.name", value = "CatalogReadBenchIT")
    static class BaselineController {

        private final OccupationAnswers answers;
        private final Map<String, OccupationAnswers.Answer> inMemory = new ConcurrentHashMap<>();

        BaselineController(OccupationAnswers answers) {
            this.answers = answers;
        }

        /** Hello world: the cheapest answer this server gives, a constant of 17 bytes. */
        @Get(value = "/hello", produces = MediaType.APPLICATION_JSON)
        @Secured(SecurityRule.IS_ANONYMOUS)
        String hello() {
            return "{\"hello\":\"world\"}";
        }

        /**
         * The catalog read's own answer, read from the database once and from memory ever after, on the read's
         * executor: what the read costs without its database round trip.
         */
        @Get(value = "/in-memory/{id}", produces = MediaType.APPLICATION_JSON)
        @Secured(SecurityRule.IS_ANONYMOUS)
        @ExecuteOn(TaskExecutors.BLOCKING)
        HttpResponse<byte[]> inMemory(@PathVariable String id) {
            OccupationAnswers.Answer answer = inMemory.computeIfAbsent(id, key -> answers.find(key).orElseThrow());
            return HttpResponse.ok(answer.json()).header(HttpHeaders.ETAG, answer.etag());
        }
    }

    /** Statements the database has run so far (every client's). */
    private long statements() {
        return transactions.executeRead(status -> jdbc.execute(StatementCount::soFar));
    }
}

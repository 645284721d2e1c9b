package org.careergraph.testsupport.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load generator counts what it must, and the report holds every benchmark's part. Nothing here is timed. */
class HttpLoadTest {

    /** A measured period long enough for a first answer on the busiest machine (Netty's start included). */
    private static final Duration ROOMY = Duration.ofSeconds(3);

    private HttpServer server;
    private final Set<String> paths = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().toString());
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/bad") ? 500 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void answersAreCountedWithTheirLatenciesAndEveryPathIsAsked() {
        HttpLoad.Result result = HttpLoad.get(base(), n -> "/ok?n=" + (n % 3), 2, Duration.ZERO,
                ROOMY);

        assertTrue(result.requests() > 0, result.toString());
        assertEquals(0, result.failures(), result.toString());
        assertEquals(result.requests(), result.latencies().count());
        assertTrue(result.latencies().percentileMillis(99) >= result.latencies().percentileMillis(50));
        assertEquals(Set.of("/ok?n=0", "/ok?n=1", "/ok?n=2"), paths);
    }

    @Test
    void aServerErrorIsAFailureNotAnAnswer() {
        HttpLoad.Result result = HttpLoad.get(base(), n -> "/bad", 1, Duration.ZERO, ROOMY);

        assertEquals(0, result.requests());
        assertTrue(result.failures() > 0, result.toString());
    }

    @Test
    void theMedianIsTheMiddleRoundOrTheMeanOfTheMiddleTwo() {
        assertEquals(2.0, Medians.of(List.of(3, 1, 2)));
        assertEquals(2.5, Medians.of(List.of(4.0, 1.0, 2.0, 3.0)));
        assertEquals(3.0, Medians.of(List.of("a", "bbb", "ccccc"), String::length));
        assertTrue(Double.isNaN(Medians.of(List.<Double>of())));
    }

    @Test
    void theReportHoldsEveryPartWithItsRatioAndWhetherItsGoalIsMet(@TempDir Path directory) throws IOException {
        String before = System.getProperty("bench.dir");
        System.setProperty("bench.dir", directory.toString());
        try {
            BenchReport.write("b-second", "the second", List.of(Figure.time("startup", 2.0, "s", "hello world", 1.0,
                    Goal.valueAtMost(1.5), "")));
            String table = BenchReport.write("a-first", "the first", List.of(Figure.rate("GET /x", 600, "req/s",
                    "GET /hello", 1000, Goal.ratioAtLeast(0.5), "a | note")));

            String json = Files.readString(directory.resolve("results.json"));
            assertTrue(json.contains("\"benchmark\": \"a-first\"") && json.contains("\"benchmark\": \"b-second\""));
            assertTrue(json.contains("\"ratio\": 0.6") && json.contains("\"met\": true"), json);
            assertTrue(json.contains("\"ratio\": 0.5") && json.contains("\"met\": false"), json);
            assertTrue(table.indexOf("a-first") < table.indexOf("b-second"), "in the order of their names");
            assertTrue(table.contains("| **0.6** | ratio >= 0.5 | yes | a \\| note |"), table);
            assertTrue(table.contains("| **0.5** | <= 1.5 s | **no** |"), table);
            assertEquals(table, Files.readString(directory.resolve("results.md")));
        } finally {
            if (before == null) {
                System.clearProperty("bench.dir");
            } else {
                System.setProperty("bench.dir", before);
            }
        }
    }
}

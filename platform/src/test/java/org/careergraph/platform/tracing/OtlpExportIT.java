package org.careergraph.platform.tracing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.careergraph.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * With OTLP export configured, the spans of a traced request and of the consumer of the event it wrote leave the
 * service over HTTP (OTLP/protobuf) to the configured endpoint, under the caller's trace id and the service's name.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OtlpExportIT implements TestPropertyProvider {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

    private final List<byte[]> exports = new CopyOnWriteArrayList<>();
    private final HttpServer collector = collector();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(TestInfrastructure.serviceProperties("platform_otlp"));
        props.put("micronaut.application.name", "platform-otlp-test");
        props.put("otel.traces.exporter", "otlp");
        props.put("otel.exporter.otlp.protocol", "http/protobuf");
        props.put("otel.exporter.otlp.endpoint", "http://localhost:" + collector.getAddress().getPort());
        // Export within a moment rather than the default 5 s.
        props.put("otel.bsp.schedule.delay", "50");
        return props;
    }

    @AfterAll
    void close() {
        collector.stop(0);
    }

    @Test
    void spansOfTheTraceAreExportedOverOtlp() throws Exception {
        String id = TestInfrastructure.uniqueId("traced");
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(java.net.http.HttpRequest.newBuilder(
                            URI.create(server.getURL() + "/api/platform/tracing/scores/" + id))
                    .header("traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01")
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
        }
        // OTLP/protobuf carries trace ids as 16 raw bytes, span names and the service name as UTF-8.
        byte[] traceId = HexFormat.of().parseHex(TRACE_ID);
        await().atMost(Duration.ofSeconds(30)).until(() -> exported(traceId, "POST /api/platform/tracing/scores/{id}")
                && exported(traceId, "careergraph.scores process"));
        assertEquals(true, exports.stream().allMatch(body -> contains(body,
                "platform-otlp-test".getBytes(StandardCharsets.UTF_8))), "every export names the service");
    }

    private boolean exported(byte[] traceId, String spanName) {
        return exports.stream().anyMatch(body -> contains(body, traceId)
                && contains(body, spanName.getBytes(StandardCharsets.UTF_8)));
    }

    private static boolean contains(byte[] body, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= body.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (body[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** A stand-in OTLP/HTTP collector: keeps every body POSTed to /v1/traces. */
    private HttpServer collector() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            http.createContext("/v1/traces", exchange -> {
                exports.add(exchange.getRequestBody().readAllBytes());
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            http.start();
            return http;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

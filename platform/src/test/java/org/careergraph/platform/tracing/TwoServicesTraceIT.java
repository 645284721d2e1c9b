package org.careergraph.platform.tracing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.careergraph.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two services, each its own application (own name, database and consumer group) on the real broker: a request with a
 * known traceparent enters "alpha", the event it writes crosses Kafka, and the HTTP call that "beta"'s handler makes to
 * a receiver outside both carries the same trace id.
 */
class TwoServicesTraceIT {

    private static final String TRACE_ID = "5c1d2a3b4e5f60718293a4b5c6d7e8f9";

    private final Map<String, String> traceparentByCaller = new ConcurrentHashMap<>();
    private HttpServer receiver;
    private ApplicationContext alpha;
    private ApplicationContext beta;

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        receiver.createContext("/called-back", exchange -> {
            try (exchange) {
                String caller = exchange.getRequestHeaders().getFirst("X-Calling-Service");
                String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
                if (exchange.getRequestURI().getPath().contains("/traced") && caller != null && traceparent != null) {
                    traceparentByCaller.put(caller, traceparent);
                }
                exchange.sendResponseHeaders(204, -1);
            }
        });
        receiver.start();
        alpha = service("platform-trace-alpha", "platform_trace_alpha");
        beta = service("platform-trace-beta", "platform_trace_beta");
    }

    private ApplicationContext service(String name, String database) {
        Map<String, Object> props = new HashMap<>(TestInfrastructure.serviceProperties(database));
        props.put("micronaut.application.name", name);
        props.put("micronaut.server.port", -1);
        props.put("tracing-test.call-back-url", "http://localhost:" + receiver.getAddress().getPort() + "/called-back");
        return ApplicationContext.run(EmbeddedServer.class, props).getApplicationContext();
    }

    @AfterEach
    void stop() {
        if (beta != null) {
            beta.close();
        }
        if (alpha != null) {
            alpha.close();
        }
        receiver.stop(0);
    }

    @Test
    void aTraceIdCrossesFromOneServiceOverKafkaToTheCallsOfAnother() throws Exception {
        String id = TestInfrastructure.uniqueId("traced");
        EmbeddedServer alphaServer = alpha.getBean(EmbeddedServer.class);
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(java.net.http.HttpRequest.newBuilder(
                            URI.create(alphaServer.getURL() + "/api/platform/tracing/scores/" + id))
                    .header("traceparent", "00-" + TRACE_ID + "-a3ce929d0e0e4736-01")
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> traceparentByCaller.containsKey("platform-trace-beta"));
        String called = traceparentByCaller.get("platform-trace-beta");
        assertNotNull(called);
        assertEquals(TRACE_ID, called.split("-")[1], called);
    }
}

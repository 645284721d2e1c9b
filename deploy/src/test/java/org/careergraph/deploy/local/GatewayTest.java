package org.careergraph.deploy.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway against stand-in services (plain JDK HTTP servers) that echo what reached them. */
class GatewayTest {

    private final Map<Service, HttpServer> upstreams = new EnumMap<>(Service.class);
    /** What each stand-in received last. */
    private final Map<Service, Received> received = new ConcurrentHashMap<>();
    private final Map<Service, Integer> readinessStatus = new ConcurrentHashMap<>();
    private final HttpClient client = HttpClient.newHttpClient();
    private Gateway gateway;

    record Received(String method, URI uri, Headers headers, String body) {
    }

    @BeforeEach
    void start() throws IOException {
        Map<Service, URI> urls = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> echo(service, exchange));
            server.start();
            upstreams.put(service, server);
            readinessStatus.put(service, 200);
            urls.put(service, URI.create("http://localhost:" + server.getAddress().getPort()));
        }
        gateway = Gateway.start(0, urls);
    }

    @AfterEach
    void stop() {
        gateway.close();
        upstreams.values().forEach(server -> server.stop(0));
        client.close();
    }

    private void echo(Service service, HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestURI().getPath().equals("/health/readiness")) {
                exchange.sendResponseHeaders(readinessStatus.get(service), -1);
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
            received.put(service, new Received(exchange.getRequestMethod(), exchange.getRequestURI(),
                    exchange.getRequestHeaders(), body));
            exchange.getResponseHeaders().add("X-Served-By", service.shortName());
            exchange.getResponseHeaders().add("ETag", "\"7\"");
            exchange.getResponseHeaders().add("Connection", "X-Upstream-Hop");
            exchange.getResponseHeaders().add("X-Upstream-Hop", "not for the client");
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] answer = ("{\"echo\":\"" + body.length() + " bytes\"}").getBytes(UTF_8);
            // Chunked (length 0): the gateway must stream an answer of unknown length.
            exchange.sendResponseHeaders(body.isEmpty() ? 200 : 201, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    @Test
    void forwardsMethodPathQueryBodyAndHeadersAndStreamsTheAnswerBack() throws Exception {
        String body = "{\"titleEn\":\"Community Services Worker\",\"titleZh\":\"社區服務工作者\"}";
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        gateway.url().resolve("/api/occupations/anzsco-411215?lang=zh-Hant&q=a%20b"))
                .PUT(BodyPublishers.ofString(body))
                .header("Authorization", "Bearer abc")
                .header("If-Match", "\"6\"")
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", "203.0.113.9")
                .build(), BodyHandlers.ofString());

        assertEquals(201, response.statusCode());
        assertEquals("{\"echo\":\"" + body.length() + " bytes\"}", response.body());
        assertEquals("catalog", response.headers().firstValue("X-Served-By").orElseThrow());
        assertEquals("\"7\"", response.headers().firstValue("ETag").orElseThrow());
        assertTrue(response.headers().firstValue("X-Upstream-Hop").isEmpty(), "hop-by-hop headers stay behind");

        Received request = received.get(Service.CATALOG);
        assertEquals("PUT", request.method());
        assertEquals("/api/occupations/anzsco-411215", request.uri().getRawPath());
        assertEquals("lang=zh-Hant&q=a%20b", request.uri().getRawQuery());
        assertEquals(body, request.body());
        assertEquals("Bearer abc", request.headers().getFirst("Authorization"));
        assertEquals("\"6\"", request.headers().getFirst("If-Match"));
        assertEquals("application/json", request.headers().getFirst("Content-Type"));
        assertEquals(List.of("127.0.0.1"), request.headers().get("X-Forwarded-For"),
                "the client's own forwarding header is not believed");
    }

    @Test
    void eachApiPrefixReachesItsService() throws Exception {
        Map<String, Service> paths = Map.of("/api/immigration/policy-updates", Service.IMMIGRATION,
                "/api/rankings?country=NZ", Service.SCORING, "/api/feeds/anzsco-411215.atom", Service.NOTIFICATION,
                "/", Service.WEB);
        for (Map.Entry<String, Service> path : paths.entrySet()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(gateway.url().resolve(path.getKey()))
                    .build(), BodyHandlers.ofString());
            assertEquals(path.getValue().shortName(), response.headers().firstValue("X-Served-By").orElseThrow(),
                    path.getKey());
        }
    }

    @Test
    void hopByHopRequestHeadersAreNotForwarded() throws IOException {
        // A raw request: the JDK client refuses to send Connection and Keep-Alive itself.
        String answer = rawRequest("GET /api/scores/anzsco-411215 HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\nConnection: X-Private-Hop\r\nKeep-Alive: timeout=5\r\nX-Private-Hop: secret\r\n"
                + "X-End-To-End: kept\r\n\r\n");

        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        Headers seen = received.get(Service.SCORING).headers();
        assertEquals("kept", seen.getFirst("X-End-To-End"));
        assertNull(seen.getFirst("X-Private-Hop"));
        assertNull(seen.getFirst("Keep-Alive"));
    }

    @Test
    void anApiPathNoServiceServesIsAProblem() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(gateway.url().resolve("/api/unknown/1"))
                .build(), BodyHandlers.ofString());

        assertEquals(404, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("\"status\":404"), response.body());
        assertTrue(received.isEmpty(), "no service was asked");
    }

    @Test
    void dotSegmentsCannotLeaveTheRoutedPath() throws IOException {
        String answer = rawRequest("GET /api/occupations/../scores/x HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");

        assertTrue(answer.contains("X-served-by: scoring") || answer.contains("X-Served-By: scoring"), answer);
        assertEquals("/api/scores/x", received.get(Service.SCORING).uri().getRawPath());
    }

    @Test
    void aServiceThatIsDownIsABadGatewayProblem() throws Exception {
        upstreams.get(Service.NOTIFICATION).stop(0);

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(gateway.url().resolve("/api/subscriptions"))
                .POST(BodyPublishers.ofString("{}")).build(), BodyHandlers.ofString());

        assertEquals(502, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("notification"), response.body());
    }

    @Test
    void readinessIsUpOnlyWhenEveryServiceIsReady() throws Exception {
        HttpResponse<String> ready = client.send(HttpRequest.newBuilder(gateway.url().resolve("/health/readiness"))
                .build(), BodyHandlers.ofString());
        assertEquals(200, ready.statusCode());
        assertTrue(ready.body().startsWith("{\"status\":\"UP\""), ready.body());

        readinessStatus.put(Service.IMMIGRATION, 503);
        HttpResponse<String> notReady = client.send(HttpRequest.newBuilder(gateway.url().resolve("/health/readiness"))
                .build(), BodyHandlers.ofString());
        assertEquals(503, notReady.statusCode());
        assertTrue(notReady.body().contains("\"immigration\":\"DOWN\""), notReady.body());
        assertFalse(notReady.body().contains("\"catalog\":\"DOWN\""), notReady.body());
    }

    private String rawRequest(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), gateway.url().getPort())) {
            socket.getOutputStream().write(request.getBytes(UTF_8));
            socket.getOutputStream().flush();
            try (InputStream in = socket.getInputStream()) {
                return new String(in.readAllBytes(), UTF_8);
            }
        }
    }
}

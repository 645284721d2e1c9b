package org.careergraph.deploy.local;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
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
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway against stand-in services (plain JDK HTTP servers) that echo what reached them; malformed and slow
 * requests are written on a raw socket, as a client that does not follow HTTP would.
 */
class GatewayTest {

    /** Short timeouts, so that the slow-request tests do not wait long; a 32 MB body limit. */
    private static final GatewayLimits LIMITS = GatewayLimits.DEFAULTS
            .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1))
            .withMaxBodyBytes(32L * 1024 * 1024);
    /** How long a test waits for an answer: far more than the gateway needs, so a slow machine does not fail it. */
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(30);

    private final Map<Service, HttpServer> upstreams = new EnumMap<>(Service.class);
    private final Map<Service, Outage> outages = new ConcurrentHashMap<>();
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
        gateway = Gateway.start(0, urls, service -> Optional.ofNullable(outages.get(service)), LIMITS);
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
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(200, -1);
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
        assertEquals("http", request.headers().getFirst("X-Forwarded-Proto"));
        assertEquals("localhost:" + gateway.url().getPort(), request.headers().getFirst("X-Forwarded-Host"));
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

    // ---- requests the gateway answers itself, at once, and then closes the connection

    @Test
    void aMalformedChunkedBodyIsABadRequest() {
        assertRefused(raw("POST /api/subscriptions HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
                + "Content-Type: application/json\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"), 400, "chunked body");
    }

    @Test
    void aTransferCodingOtherThanChunkedIsABadRequest() {
        assertRefused(raw("POST /api/subscriptions HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: gzip\r\n"
                + "\r\n{}"), 400, "Transfer-Encoding");
        assertRefused(raw("POST /api/subscriptions HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: gzip, chunked"
                + "\r\n\r\n2\r\n{}\r\n0\r\n\r\n"), 400, "Transfer-Encoding");
        assertTrue(received.isEmpty(), "no service was asked");
    }

    @Test
    void bothContentLengthAndTransferEncodingIsABadRequest() {
        assertRefused(raw("POST /api/subscriptions HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n"), 400, "Content-Length and Transfer-Encoding");
        assertTrue(received.isEmpty(), "no service was asked");
    }

    @Test
    void aContentLengthThatIsNotOneNumberIsABadRequest() {
        for (String length : List.of("abc", "-1", "2, 3", "+2")) {
            assertRefused(raw("POST /api/subscriptions HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + length
                    + "\r\n\r\n{}"), 400, "Content-Length");
        }
        assertTrue(received.isEmpty(), "no service was asked");
    }

    @Test
    void bareLineFeedsAreABadRequest() {
        assertRefused(raw("GET /api/scores/anzsco-411215 HTTP/1.1\nHost: localhost\n\n"), 400, "CR LF");
        assertTrue(received.isEmpty(), "no service was asked");
    }

    @Test
    void aTargetThatIsNotAPathOfPrintableAsciiIsABadRequest() {
        assertRefused(raw("GET * HTTP/1.1\r\nHost: localhost\r\n\r\n"), 400, "path from the root");
        assertRefused(raw("CONNECT localhost:443 HTTP/1.1\r\nHost: localhost\r\n\r\n"), 400, "path from the root");
        assertRefused(raw("GET /api/scores/%zz HTTP/1.1\r\nHost: localhost\r\n\r\n"), 400, "not a valid URI");
        assertRefused(raw("GET /api/scores/%2e%2e/occupations HTTP/1.1\r\nHost: localhost\r\n\r\n"), 400, "'..'");
        assertRefused(raw("GET /../api/scores HTTP/1.1\r\nHost: localhost\r\n\r\n"), 400, "'..'");
        assertRefused(raw(gateway, "GET /api/scores/caf\u00e9 HTTP/1.1\r\nHost: localhost\r\n\r\n"
                .getBytes(UTF_8)), 400, "printable ASCII");
        assertRefused(raw("GET /api/scores/x HTTP/1.1\r\n\r\n"), 400, "Host");
        assertTrue(received.isEmpty(), "no service was asked");
    }

    @Test
    void oversizedHeaderFieldsAre431AndAnOversizedRequestLine414() {
        assertRefused(raw("GET /api/scores/x HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(9000)
                + "\r\n\r\n"), 431, "header fields");
        assertRefused(raw("GET /api/scores/" + "a".repeat(5000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n"), 414,
                "request line");
        assertTrue(received.isEmpty(), "no service was asked");
    }

    @Test
    void aBodyDeclaredLargerThanTheLimitIs413BeforeItIsSent() {
        assertRefused(raw("POST /api/releases HTTP/1.1\r\nHost: localhost\r\nContent-Length: "
                + (LIMITS.maxBodyBytes() + 1) + "\r\n\r\n"), 413, String.valueOf(LIMITS.maxBodyBytes()));
        assertTrue(received.isEmpty(), "no service was asked");
    }

    @Test
    void aChunkedBodyThatGrowsPastTheLimitIs413() throws IOException {
        try (Gateway small = Gateway.start(0, urls(), service -> Optional.empty(), LIMITS.withMaxBodyBytes(1024))) {
            String chunk = "400\r\n" + "a".repeat(1024) + "\r\n";
            assertRefused(raw(small, "POST /api/releases HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked"
                    + "\r\n\r\n" + chunk + chunk + "0\r\n\r\n"), 413, "1024 bytes");
        }
    }

    @Test
    void aHeaderSectionNotCompleteInTimeIs408() {
        // No blank line: the head never ends.
        assertRefused(raw("GET /api/scores/anzsco-411215 HTTP/1.1\r\nHost: localhost\r\n"), 408,
                "header section");
        assertTrue(received.isEmpty(), "no service was asked");
    }

    @Test
    void aBodyShorterThanItsContentLengthIs408() {
        assertRefused(raw("POST /api/subscriptions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
                + "\r\nContent-Length: 100\r\n\r\n{\"email\":"), 408, "body stopped");
    }

    // ---- what still works

    @Test
    void aChunkedPostIsForwardedWhole() {
        RawAnswer answer = raw("POST /api/subscriptions HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\n{\"a\":\r\n3\r\n\"b\"\r\n1\r\n}\r\n0\r\n\r\n");

        assertEquals(201, answer.status(), answer.toString());
        assertEquals("{\"a\":\"b\"}", received.get(Service.NOTIFICATION).body());
        assertTrue(answer.text().contains("{\"echo\":\"9 bytes\"}"), answer.text());
    }

    @Test
    void aLargeUploadStreamsThrough() throws Exception {
        byte[] body = new byte[20 * 1024 * 1024];
        Arrays.fill(body, (byte) 'x');

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(gateway.url().resolve("/api/releases"))
                .POST(BodyPublishers.ofByteArray(body)).header("Content-Type", "application/octet-stream").build(),
                BodyHandlers.ofString());

        assertEquals(201, response.statusCode(), response.body());
        assertEquals("{\"echo\":\"" + body.length + " bytes\"}", response.body());
    }

    @Test
    void aClientThatExpects100ContinueGetsItAndItsAnswer() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(gateway.url().resolve("/api/subscriptions"))
                .expectContinue(true).POST(BodyPublishers.ofString("{}")).build(), BodyHandlers.ofString());

        assertEquals(201, response.statusCode(), response.body());
        assertEquals("{}", received.get(Service.NOTIFICATION).body());
        assertNull(received.get(Service.NOTIFICATION).headers().getFirst("Expect"), "the gateway answered it");
    }

    @Test
    void requestsSentTogetherOnOneConnectionAreAnsweredInTurn() {
        RawAnswer answers = raw("HEAD /api/scores/a HTTP/1.1\r\nHost: localhost\r\n\r\n"
                + "GET /api/rankings HTTP/1.1\r\nHost: localhost\r\n\r\n"
                + "GET /health/liveness HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        String text = answers.text();
        assertEquals(3, text.split("HTTP/1.1 200 OK", -1).length - 1, text);
        assertTrue(text.endsWith("{\"status\":\"UP\"}"), text);
        String headAnswer = text.substring(0, text.indexOf("HTTP/1.1", 1));
        assertTrue(headAnswer.endsWith("\r\n\r\n") && !headAnswer.contains("\r\n\r\n0\r\n"),
                "a HEAD answer has no body, not even an empty chunk: " + text);
    }

    @Test
    void aServiceKnownToBeDownIs503WithRetryAfterAndTheConnectionServesOn() {
        outages.put(Service.CATALOG, new Outage("RESTARTING", "exited with code 137 and restarts in 2 s",
                Optional.of(Duration.ofMillis(1500))));

        RawAnswer answers = raw("POST /api/occupations HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n\r\n{}"
                + "GET /api/scores/a HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertEquals(503, answers.status(), answers.toString());
        assertEquals("application/problem+json", answers.header("content-type"));
        assertEquals("2", answers.header("retry-after"));
        assertTrue(answers.text().contains("\"detail\":\"The catalog service exited with code 137 and restarts in "
                + "2 s.\""), answers.text());
        assertTrue(answers.text().contains("HTTP/1.1 200 OK"), "the next request is served: " + answers.text());
        assertNull(received.get(Service.CATALOG), "no catalog request");
    }

    // ---- helpers

    private Map<Service, URI> urls() {
        Map<Service, URI> urls = new EnumMap<>(Service.class);
        upstreams.forEach((service, server) -> urls.put(service,
                URI.create("http://localhost:" + server.getAddress().getPort())));
        return urls;
    }

    /** A problem+json answer with the status, a detail that says why, and the connection closed after it. */
    private static void assertRefused(RawAnswer answer, int status, String detailMentions) {
        assertEquals(status, answer.status(), answer.toString());
        assertEquals("application/problem+json", answer.header("content-type"), answer.toString());
        assertEquals("close", answer.header("connection"), answer.toString());
        assertTrue(answer.body().contains("\"status\":" + status), answer.body());
        assertTrue(answer.body().contains(detailMentions), answer.body());
    }

    /** What came back on one connection until the gateway closed it. */
    record RawAnswer(String text) {

        int status() {
            return Integer.parseInt(text.substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3));
        }

        /** A header of the first answer, by its lower-case name. */
        String header(String name) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : head().split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.putIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            line.substring(colon + 1).trim());
                }
            }
            return headers.get(name);
        }

        /** The first answer's body (by its Content-Length, else to the end). */
        String body() {
            String rest = text.substring(head().length() + 4);
            String length = header("content-length");
            return length == null ? rest : rest.substring(0, Integer.parseInt(length));
        }

        private String head() {
            return text.substring(0, text.indexOf("\r\n\r\n"));
        }
    }

    private RawAnswer raw(String request) {
        return raw(gateway, request);
    }

    /**
     * Writes the request as it is and reads until the gateway closes the connection; waits for that with a generous
     * bound, since the point is that it does end.
     */
    private static RawAnswer raw(Gateway target, String request) {
        return raw(target, request.getBytes(US_ASCII));
    }

    private static RawAnswer raw(Gateway target, byte[] request) {
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), target.url().getPort())) {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
                return new String(socket.getInputStream().readAllBytes(), UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        await().atMost(ANSWER_BOUND).until(answer::isDone);
        return new RawAnswer(answer.join());
    }

    private String rawRequest(String request) {
        return raw(request).text();
    }
}

package org.careergraph.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.careergraph.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The strict reading as a caller meets it, in front of a route of a real server: what it refuses never reaches the
 * route, and each refusal is a problem naming the field or parameter.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictInputIT implements TestPropertyProvider {

    private static final AtomicInteger CALLS = new AtomicInteger();

    @Serdeable
    record Item(@OneLine String name, int count, @Nullable Boolean flag) {
    }

    @Controller("/api/platform/strict")
    @Secured(SecurityRule.IS_ANONYMOUS)
    static class StrictController {

        @Post
        String create(@Body Item item) {
            CALLS.incrementAndGet();
            return item.name();
        }

        @Post(uri = "/text", consumes = "text/plain")
        String text(@Body String text) {
            CALLS.incrementAndGet();
            return text;
        }

        @Get("/{name}")
        String read(@PathVariable String name, @QueryValue @Nullable Boolean flag, @QueryValue @Nullable Instant since) {
            CALLS.incrementAndGet();
            return name + flag + since;
        }
    }

    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new java.util.HashMap<>(TestInfrastructure.serviceProperties("platform"));
        props.put("micronaut.application.name", "platform-strict-input-test");
        return props;
    }

    @Test
    void aStrictBodyReachesTheRoute() throws Exception {
        HttpResponse<String> answer = post("", "application/json", "{\"name\":\"a\",\"count\":1}");

        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("a", answer.body());
    }

    @Test
    void aBodyLargerThanOneReadIsReadToTheEndBeforeTheRouteReadsIt() throws Exception {
        String name = "n".repeat(600_000);
        HttpResponse<String> answer = post("", "application/json", "{\"name\":\"" + name + "\",\"count\":1}");

        assertEquals(200, answer.statusCode());
        assertEquals(name.length(), answer.body().length());
    }

    @Test
    void aLooseBodyIsRefusedFieldByFieldAndNeverReachesTheRoute() throws Exception {
        int before = CALLS.get();
        HttpResponse<String> coerced = post("", "application/json", "{\"name\":5,\"count\":true,\"extra\":1}");
        HttpResponse<String> trailing = post("", "application/json", "{\"name\":\"a\",\"count\":1} garbage");
        HttpResponse<String> twoLines = post("", "application/json; charset=utf-8", "{\"name\":\"a\\r\\nb\",\"count\":1}");

        assertEquals(400, coerced.statusCode());
        assertProblem(coerced);
        assertTrue(coerced.body().contains("{\"field\":\"name\",\"message\":\"must be text, not a number\"}"),
                coerced.body());
        assertTrue(coerced.body().contains("{\"field\":\"count\",\"message\":\"must be a whole number, not true or "
                + "false\"}"), coerced.body());
        assertTrue(coerced.body().contains("\"field\":\"extra\""), coerced.body());
        assertEquals(400, trailing.statusCode());
        assertTrue(trailing.body().contains("unexpected content after the JSON document"), trailing.body());
        assertEquals(400, twoLines.statusCode());
        assertTrue(twoLines.body().contains("must be one line"), twoLines.body());
        HttpResponse<String> noContentType = http.send(HttpRequest.newBuilder(URI.create(server.getURL()
                + "/api/platform/strict")).POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"a\",\"count\":true}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, noContentType.statusCode(), "a body without a Content-Type is bound as JSON: read strictly");
        assertEquals(before, CALLS.get());
    }

    @Test
    void anUnknownOrIllegalCharsetIsRefusedBeforeAnyBinderReadsIt() throws Exception {
        int before = CALLS.get();
        for (String charset : new String[] {"foo", "@@", "utf-16"}) {
            HttpResponse<String> json = post("", "application/json; charset=" + charset, "{\"name\":\"a\",\"count\":1}");
            assertEquals(415, json.statusCode(), charset);
            assertProblem(json);
        }
        HttpResponse<String> text = post("/text", "text/plain; charset=@@", "hello");
        HttpResponse<String> latin = post("/text", "text/plain; charset=ISO-8859-1", "hello");

        assertEquals(415, text.statusCode());
        assertProblem(text);
        assertEquals(200, latin.statusCode());
        assertEquals(before + 1, CALLS.get());
    }

    @Test
    void parametersAreReadStrictly() throws Exception {
        int before = CALLS.get();
        assertEquals(400, get("/x?flag=abc").statusCode());
        assertEquals(400, get("/x?since=%2B1000000000-01-01T00:00:00Z").statusCode());
        assertEquals(400, get("/x?since=%2B10000-01-01T00:00:00Z").statusCode());
        assertEquals(400, get("/a%00b").statusCode());
        assertEquals(400, get("/x?flag=true&other=a%0Db").statusCode());
        // The JDK's client cannot send an address it cannot parse: a socket can.
        String malformed = rawGet("/api/platform/strict/x?flag=%zz");
        assertTrue(malformed.startsWith("HTTP/1.1 400 "), malformed);
        assertTrue(malformed.contains("application/problem+json"), malformed);
        HttpResponse<String> notUtf8 = get("/%ED%A0%80");
        assertEquals(400, notUtf8.statusCode());
        assertProblem(notUtf8);
        assertTrue(notUtf8.body().contains("\"field\":\"name\""), notUtf8.body());
        assertEquals(before, CALLS.get());

        HttpResponse<String> fine = get("/x?flag=false&since=2026-12-01T00:00:00Z");
        assertEquals(200, fine.statusCode());
        assertEquals("xfalse2026-12-01T00:00:00Z", fine.body());
    }

    private static void assertProblem(HttpResponse<String> answer) {
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
        assertFalse(answer.body().matches("(?s).*(java\\.|io\\.micronaut|org\\.careergraph|Exception).*"),
                answer.body());
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/platform/strict" + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String rawGet(String target) throws Exception {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/platform/strict" + pathAndQuery))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}

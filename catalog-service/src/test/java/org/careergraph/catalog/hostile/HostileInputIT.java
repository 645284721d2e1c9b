package org.careergraph.catalog.hostile;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.careergraph.testsupport.TestInfrastructure;
import org.careergraph.testsupport.hostile.Examples;
import org.careergraph.testsupport.hostile.HostileInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every route of the catalog, listed from its router, walked with malformed, oversized, wrongly typed and hostile
 * input (docs/testing.md, issue 18): no 5xx, problem+json under /api, no internal names, nothing stored when refused.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT implements TestPropertyProvider {

    private static final String ADMIN = TestInfrastructure.token("ADMIN");

    @Inject
    EmbeddedServer server;

    @Inject
    Router router;

    @Inject
    JsonMapper json;

    @Inject
    @Client("/")
    HttpClient http;

    private final Map<String, String> properties = TestInfrastructure.serviceProperties("catalog");

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Test
    void everyRouteRefusesHostileInputCleanly() throws IOException {
        String code = code();
        String id = "anzsco-" + code;
        http.toBlocking().exchange(HttpRequest.POST("/api/occupations", write(occupation(code, "Housing Officer")))
                .contentType("application/json").bearerAuth(ADMIN));
        String exportedLine = http.toBlocking().retrieve(HttpRequest.GET("/api/occupations/export").bearerAuth(ADMIN))
                .lines().filter(l -> l.contains("\"" + id + "\"")).findFirst().orElseThrow();
        String pageText = seed("000_9d7066477939e445.txt");

        Examples examples = Examples.create()
                .pathValue("id", id)
                .pathValue("revision", "1")
                // Fresh codes: a hostile variant that is wrongly accepted then stores something, and is seen.
                .body("POST /api/occupations", () -> write(occupation(code(), "Housing Officer")))
                .body("PUT /api/occupations/{id}", () -> write(occupation(code, "Housing Officer " + code())))
                .body("PATCH /api/occupations/{id}", () -> write(Map.of("page", Map.of("summary",
                        Map.of("en", "Supports people in the community, " + code() + ".")))))
                .body("POST /api/occupations/import text/plain", () -> pageText.replace("411215", code()))
                .body("POST /api/occupations/import application/x-ndjson", () -> {
                    String fresh = code();
                    return exportedLine.replace(code, fresh) + "\n";
                });

        HostileInput.walkService(URI.create(server.getURL().toString()), router, properties, examples);
    }

    /** A valid occupation, as the catalog's own API test writes one. */
    private static Map<String, Object> occupation(String code, String titleEn) {
        return Map.of("skillLevel", 4, "editorial", Map.of("demandOutlook", 7), "page", Map.of(
                "title", Map.of("zh", "社區服務工作者", "en", titleEn), "codeSystem", "ANZSCO", "code", code,
                "summary", Map.of("en", "Supports people and families in the community."),
                "aiImpact", Map.of("verdict", "MIXED", "tasksTakenOver", List.of(Map.of("zh", "自動生成服務記錄"))),
                "salaryBands", List.of(
                        Map.of("level", "junior", "min", 48000, "max", 58000, "currency", "NZD"),
                        Map.of("level", "mid", "min", 60000, "max", 74000, "currency", "NZD"),
                        Map.of("level", "senior", "min", 72000, "max", 90000, "currency", "NZD"))));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String seed(String file) throws IOException {
        try (InputStream in = HostileInputIT.class.getClassLoader().getResourceAsStream("seeds/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String code() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(100000, 1000000));
    }
}

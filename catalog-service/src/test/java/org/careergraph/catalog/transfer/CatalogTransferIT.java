package org.careergraph.catalog.transfer;

import static org.awaitility.Awaitility.await;
import static org.careergraph.catalog.TestCatalog.EDITOR;
import static org.careergraph.catalog.TestCatalog.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.careergraph.catalog.TestCatalog;
import org.careergraph.testsupport.TestInfrastructure;
import org.careergraph.testsupport.TopicProbe;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogTransferIT implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    @AutoClose
    private final TopicProbe occupationEvents = TestCatalog.occupationEvents();

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.serviceProperties("catalog");
    }

    @Test
    void anExportImportsBackAndAnImportWithOneBadLineStoresNothing() {
        String kept = code();
        String edited = code();
        String added = code();
        create(kept, "Housing Officer");
        create(edited, "Case Worker");

        String export = http.toBlocking().retrieve(HttpRequest.GET("/api/occupations/export").bearerAuth(EDITOR));
        List<String> ours = export.lines().filter(l -> l.contains("\"anzsco-" + kept + "\"")
                || l.contains("\"anzsco-" + edited + "\"")).toList();
        assertEquals(2, ours.size(), export);
        String editedLine = ours.stream().filter(l -> l.contains(edited)).findFirst().orElseThrow()
                .replace("Case Worker", "Senior Case Worker");
        String keptLine = ours.stream().filter(l -> l.contains(kept)).findFirst().orElseThrow();
        String addedLine = keptLine.replace(kept, added).replace("Housing Officer", "Tenancy Manager");

        String withBadLine = keptLine + "\n" + editedLine + "\n{\"page\": {\"codeSystem\": \"ANZSCO\", \"code\": \"12\"}}\nnull\n"
                + "{\"page\": {\"title\": {\"en\": \"X\"}, \"codeSystem\": \"ANZSCO\", \"code\": \"12\", \"bogus\": 1}, "
                + "\"skillLevel\": true}\n";
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> importLines(withBadLine));
        assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus());
        Map<?, ?> problem = refused.getResponse().getBody(Map.class).orElseThrow();
        List<?> fields = ((List<Map<?, ?>>) problem.get("errors")).stream().map(e -> e.get("field")).toList();
        assertTrue(fields.contains("line 3: page.title") && fields.contains("line 3: page.code")
                && fields.contains("line 4") && fields.contains("line 5: page.bogus")
                && fields.contains("line 5: skillLevel"), "" + fields);
        assertEquals("Case Worker", titleEn(edited), "nothing of the import was stored");

        Map<?, ?> result = importLines(keptLine + "\n" + editedLine + "\n" + addedLine + "\n");
        assertEquals(Map.of("created", 1, "updated", 1, "unchanged", 1), result);
        assertEquals("Senior Case Worker", titleEn(edited));
        assertEquals("Tenancy Manager", titleEn(added));

        // One event per real change: the two creations, the edit, the added occupation; none for the unchanged line.
        // (A probe's poll reads some partitions at a time: wait for every key, then count.)
        await().atMost(Duration.ofSeconds(30)).until(() -> occupationEvents.recordsWithKey("anzsco-" + edited).size() == 2
                && occupationEvents.recordsWithKey("anzsco-" + added).size() == 1
                && !occupationEvents.recordsWithKey("anzsco-" + kept).isEmpty());
        assertEquals(1, occupationEvents.recordsWithKey("anzsco-" + kept).size());
    }

    @Test
    void bulkTransferIsForEditors() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/occupations/export")));
        assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
    }

    private Map<?, ?> importLines(String ndjson) {
        return http.toBlocking().retrieve(HttpRequest.POST("/api/occupations/import", ndjson)
                .contentType("application/x-ndjson").bearerAuth(EDITOR), Map.class);
    }

    private void create(String code, String titleEn) {
        http.toBlocking().exchange(HttpRequest.POST("/api/occupations", Map.of("page", Map.of(
                "title", Map.of("en", titleEn), "codeSystem", "ANZSCO", "code", code))).bearerAuth(EDITOR));
    }

    private String titleEn(String code) {
        return (String) http.toBlocking().retrieve(HttpRequest.GET("/api/occupations/anzsco-" + code), Argument.of(
                Map.class)).get("titleEn");
    }
}

package org.careergraph.catalog.importer;

import static org.awaitility.Awaitility.await;
import static org.careergraph.catalog.TestCatalog.EDITOR;
import static org.careergraph.catalog.TestCatalog.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.careergraph.catalog.TestCatalog;
import org.careergraph.testsupport.TestInfrastructure;
import org.careergraph.testsupport.TopicProbe;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Importing page text through the API; the importer's reading of every section is tested in the unit tests. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageImportIT implements TestPropertyProvider {

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
    void aPageImportsOnceAndTheSameTextAgainChangesNothing() throws IOException {
        String code = code();
        String text = seed("000_9d7066477939e445.txt").replace("411215", code);

        HttpResponse<Map> created = importPage(text);
        assertEquals(HttpStatus.CREATED, created.status());
        Map<?, ?> body = created.body();
        assertEquals("CREATED", body.get("status"));
        Map<?, ?> page = (Map<?, ?>) ((Map<?, ?>) body.get("occupation")).get("page");
        assertEquals(4, ((List<?>) ((Map<?, ?>) page.get("aiImpact")).get("tools")).size());
        assertEquals(3, ((List<?>) page.get("salaryBands")).size());
        assertEquals(3, ((List<?>) page.get("visaPathways")).size());
        assertEquals(2, ((List<?>) page.get("faq")).size());
        assertTrue(((List<?>) body.get("warnings")).size() >= 1, "growth areas were split: " + body.get("warnings"));

        HttpResponse<Map> again = importPage(text);
        assertEquals(HttpStatus.OK, again.status());
        assertEquals("UNCHANGED", again.body().get("status"));
        assertEquals("\"1\"", again.header("ETag"));

        HttpResponse<Map> edited = importPage(text.replace("$72,000 ~ $90,000", "$75,000 ~ $95,000"));
        assertEquals("UPDATED", edited.body().get("status"));
        await().atMost(Duration.ofSeconds(30)).until(() -> occupationEvents.recordsWithKey("anzsco-" + code).size() == 2);
    }

    @Test
    void theCompactLayoutImportsWithWarningsForWhatWasGuessed() throws IOException {
        String code = code();
        Map<?, ?> body = importPage(seed("002_377fb8c0790bdfb2.txt").replace("599614", code)).body();
        assertEquals(false, ((Map<?, ?>) ((Map<?, ?>) body.get("occupation")).get("page")).get("skilledMigration"));
        List<Map<?, ?>> warnings = (List<Map<?, ?>>) body.get("warnings");
        assertTrue(warnings.stream().anyMatch(w -> "aiImpact.tasksTakenOver".equals(w.get("section"))), "" + warnings);
    }

    @Test
    void aPageWithoutACodeIsAProblemAndStoresNothing() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> importPage("住房官員 Housing Officer\nNo code here.\n"));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        assertFalse(e.getResponse().getBody(String.class).orElse("").contains("Exception"));

        HttpClientResponseException anonymous = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/occupations/import", "x").contentType(MediaType.TEXT_PLAIN)));
        assertEquals(HttpStatus.UNAUTHORIZED, anonymous.getStatus());
    }

    @Test
    void aTextThatWouldDropSectionsAsksForIfMatchAndWithItSaysWhatItDropped() throws IOException {
        String code = code();
        String full = seed("000_9d7066477939e445.txt").replace("411215", code);
        String id = "anzsco-" + code;
        String etag = importPage(full).header("ETag");
        String titleAndCode = "社區服務工作者 Community Services Worker\n職業代碼: " + code + "(ANZSCO)\n";

        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> importPage(titleAndCode));
        assertEquals(HttpStatus.PRECONDITION_REQUIRED, refused.getStatus());
        assertEquals("application/problem+json", refused.getResponse().getContentType().orElseThrow().toString());
        Map<?, ?> problem = refused.getResponse().getBody(Map.class).orElseThrow();
        assertTrue(((String) problem.get("detail")).contains("If-Match: " + etag), "" + problem);
        List<?> fields = ((List<?>) problem.get("errors")).stream().map(e -> ((Map<?, ?>) e).get("field")).toList();
        assertTrue(fields.containsAll(List.of("summary", "salaryBands", "faq", "aiImpact.tools")), "" + fields);
        assertEquals(etag, http.toBlocking().exchange(HttpRequest.GET("/api/occupations/" + id)).header("ETag"),
                "nothing was stored");

        HttpClientResponseException stale = assertThrows(HttpClientResponseException.class,
                () -> importPage(titleAndCode, "\"999\""));
        assertEquals(HttpStatus.PRECONDITION_FAILED, stale.getStatus());

        HttpResponse<Map> replaced = importPage(titleAndCode, etag);
        assertEquals("UPDATED", replaced.body().get("status"));
        List<?> warned = ((List<?>) replaced.body().get("warnings")).stream()
                .filter(w -> ((String) ((Map<?, ?>) w).get("message")).startsWith("dropped"))
                .map(w -> ((Map<?, ?>) w).get("section")).toList();
        assertEquals(fields, warned);
        Map<?, ?> page = (Map<?, ?>) ((Map<?, ?>) replaced.body().get("occupation")).get("page");
        assertTrue(((List<?>) page.get("salaryBands")).isEmpty());

        // Nothing left to drop: the same text again needs no If-Match, nor does one that adds a section.
        assertEquals("UNCHANGED", importPage(titleAndCode).body().get("status"));
        assertEquals("UPDATED", importPage(titleAndCode + "常見問題\nWhy?\nBecause.\n").body().get("status"));
    }

    @Test
    void aPageTextOverTheLimitIsRefusedBeforeItIsRead() {
        String text = "住房官員 Housing Officer\n職業代碼: 411215(ANZSCO)\n" + "x\n".repeat(131_072);
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> importPage(text));
        assertEquals(HttpStatus.REQUEST_ENTITY_TOO_LARGE, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        assertTrue(e.getResponse().getBody(String.class).orElseThrow().contains("at most 262144 bytes"));
    }

    private HttpResponse<Map> importPage(String text) {
        return importPage(text, null);
    }

    private HttpResponse<Map> importPage(String text, String ifMatch) {
        var request = HttpRequest.POST("/api/occupations/import", text)
                .contentType(MediaType.TEXT_PLAIN_TYPE.toString() + ";charset=UTF-8").bearerAuth(EDITOR);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.toBlocking().exchange(request, Map.class);
    }

    private static String seed(String file) throws IOException {
        try (InputStream in = PageImportIT.class.getClassLoader().getResourceAsStream("seeds/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

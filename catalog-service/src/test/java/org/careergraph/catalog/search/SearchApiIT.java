package org.careergraph.catalog.search;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.careergraph.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Search through the API: written occupations are found at once, in either language, with filters. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchApiIT implements TestPropertyProvider {
    private static final String EDITOR = TestInfrastructure.token("EDITOR");

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.serviceProperties("catalog");
    }

    @Test
    void writtenOccupationsAreFoundByChineseAndEnglishTextAndFilters() {
        String prefix = String.valueOf(ThreadLocalRandom.current().nextInt(100, 1000));
        String nurse = prefix + "111";
        String driver = prefix + "222";
        create(nurse, "註冊護士", "Registered Nurse", "照顧病人並協調醫療團隊");
        create(driver, "卡車司機", "Truck Driver", "長途運輸貨物");

        assertEquals(List.of("anzsco-" + nurse), ids(Map.of("q", "護士", "codePrefix", prefix)));
        assertEquals(List.of("anzsco-" + nurse), ids(Map.of("q", "nurses", "codePrefix", prefix)),
                "English word forms match");
        assertEquals(List.of("anzsco-" + driver), ids(Map.of("q", "運輸", "codePrefix", prefix)), "a task word");
        assertEquals(List.of("anzsco-" + driver, "anzsco-" + nurse),
                ids(Map.of("codePrefix", prefix, "sort", "CODE")).reversed());

        http.toBlocking().exchange(HttpRequest.POST("/api/occupations/anzsco-" + driver + "/archive", "")
                .bearerAuth(EDITOR));
        assertEquals(List.of("anzsco-" + nurse), ids(Map.of("codePrefix", prefix)), "archived pages leave search");
        assertEquals(2, ids(Map.of("codePrefix", prefix, "includeArchived", "true")).size());
    }

    @Test
    void anOverlongQueryIsAProblemNamingTheParameter() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.GET(UriBuilder.of("/api/occupations").queryParam("q", "x".repeat(201)).build())));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        Map<?, ?> problem = e.getResponse().getBody(Map.class).orElseThrow();
        assertEquals("q", ((List<Map<?, ?>>) problem.get("errors")).get(0).get("field"));
    }

    @Test
    void aFilterOfTheWrongTypeIsAProblemNamingTheParameter() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.GET("/api/occupations?minScore=high")));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        List<Map<?, ?>> errors = (List<Map<?, ?>>) e.getResponse().getBody(Map.class).orElseThrow().get("errors");
        assertEquals("minScore", errors.getFirst().get("field"), "" + errors);
        assertEquals("must be a number", errors.getFirst().get("message"));
    }

    private List<String> ids(Map<String, String> query) {
        UriBuilder uri = UriBuilder.of("/api/occupations");
        query.forEach(uri::queryParam);
        // The writing instance indexes right after commit; await covers the catch-up path too.
        return await().atMost(Duration.ofSeconds(10)).until(() -> {
            Map<?, ?> page = http.toBlocking().retrieve(HttpRequest.GET(uri.build()), Map.class);
            return ((List<Map<?, ?>>) page.get("items")).stream().map(o -> (String) o.get("id")).toList();
        }, ids -> !ids.isEmpty());
    }

    private void create(String code, String titleZh, String titleEn, String task) {
        http.toBlocking().exchange(HttpRequest.POST("/api/occupations", Map.of("page", Map.of(
                "title", Map.of("zh", titleZh, "en", titleEn), "codeSystem", "ANZSCO", "code", code,
                "aiImpact", Map.of("tasksTakenOver", List.of(Map.of("zh", task)))))).bearerAuth(EDITOR));
    }
}

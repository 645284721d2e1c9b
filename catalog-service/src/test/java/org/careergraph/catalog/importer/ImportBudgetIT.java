package org.careergraph.catalog.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
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
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.careergraph.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Past its time budget an import stops, answers a problem that says so, and stores nothing. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportBudgetIT implements TestPropertyProvider {

    private static final String EDITOR = TestInfrastructure.token("EDITOR");

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = TestInfrastructure.serviceProperties("catalog");
        // No time at all: the first check of the deadline stops the import, whatever the machine's speed.
        properties.put("careergraph.catalog.imports.page-time-budget", "0s");
        return properties;
    }

    @Test
    void anImportPastItsBudgetIsStoppedAndStoresNothing() throws IOException {
        String code = String.valueOf(ThreadLocalRandom.current().nextInt(100000, 1000000));
        String text;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("seeds/000_9d7066477939e445.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("411215", code);
        }
        HttpClientResponseException stopped = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/occupations/import", text).contentType(MediaType.TEXT_PLAIN)
                        .bearerAuth(EDITOR)));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, stopped.getStatus());
        assertEquals("application/problem+json", stopped.getResponse().getContentType().orElseThrow().toString());
        String detail = (String) stopped.getResponse().getBody(Map.class).orElseThrow().get("detail");
        assertTrue(detail.contains("time budget of 0 ms") && detail.contains("nothing was stored"), detail);

        HttpClientResponseException absent = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/occupations/anzsco-" + code)));
        assertEquals(HttpStatus.NOT_FOUND, absent.getStatus());
    }
}

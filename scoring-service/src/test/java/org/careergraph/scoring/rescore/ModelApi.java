package org.careergraph.scoring.rescore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.careergraph.testsupport.TestInfrastructure;

/** The scoring model API as the tests that change or preview the model call it. */
final class ModelApi {

    static final String NOTE = "compression hurts more";
    static final String ADMIN = TestInfrastructure.token("ADMIN");
    static final String EDITOR = TestInfrastructure.token("EDITOR");

    private final BlockingHttpClient http;
    private final JsonMapper json;

    ModelApi(BlockingHttpClient http, JsonMapper json) {
        this.http = http;
        this.json = json;
    }

    /** {@code GET /api/scoring/model}: the version in force, its model, its latest job. */
    @SuppressWarnings("unchecked")
    Map<String, Object> inForce() {
        return http.retrieve(HttpRequest.GET("/api/scoring/model"), Map.class);
    }

    /** The model in force as JSON, to edit. */
    @SuppressWarnings("unchecked")
    Map<String, Object> model() {
        return (Map<String, Object>) inForce().get("model");
    }

    static HttpRequest<?> put(Map<String, Object> model, String token) {
        return authorized(HttpRequest.PUT("/api/scoring/model", Map.of("model", model, "note", NOTE)), token);
    }

    static HttpRequest<?> preview(Map<String, Object> model, String token) {
        return authorized(HttpRequest.POST("/api/scoring/model/preview", Map.of("model", model, "note", NOTE)),
                token);
    }

    HttpStatus refused(HttpRequest<?> request) {
        return assertThrows(HttpClientResponseException.class, () -> http.exchange(request)).getStatus();
    }

    /**
     * Asserts what a request carrying {@code model} is refused with before anything is stored: 401 without a token,
     * 403 for an editor, 422 listing each bad parameter, 400 for a body that does not bind.
     */
    @SuppressWarnings("unchecked")
    void assertRefusesBadRequests(BiFunction<Map<String, Object>, String, HttpRequest<?>> request,
                                  Map<String, Object> model) {
        Object version = inForce().get("version");
        assertEquals(HttpStatus.UNAUTHORIZED, refused(request.apply(model, null)));
        assertEquals(HttpStatus.FORBIDDEN, refused(request.apply(model, EDITOR)));
        Map<String, Object> bad = copy(model);
        ((Map<String, Object>) bad.get("weights")).put("income", -1);
        ((Map<String, Object>) bad.get("aiRisk")).remove("perMajorTool");
        HttpClientResponseException invalid = assertThrows(HttpClientResponseException.class,
                () -> http.exchange(request.apply(bad, ADMIN)));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, invalid.getStatus());
        Map<?, ?> problem = invalid.getResponse().getBody(Map.class).orElseThrow();
        assertEquals(List.of("model.weights.income", "model.aiRisk.perMajorTool"), ((List<?>) problem.get("errors"))
                .stream().map(e -> ((Map<?, ?>) e).get("field")).toList());

        // Read strictly: no value of another type, no number too large to write out, no field the model lacks.
        for (Object loose : List.of("a lot", true, new java.math.BigDecimal("1e200000"))) {
            Map<String, Object> unreadable = copy(model);
            ((Map<String, Object>) unreadable.get("weights")).put("income", loose);
            assertEquals(HttpStatus.BAD_REQUEST, refused(request.apply(unreadable, ADMIN)), "income " + loose);
        }
        Map<String, Object> unknown = copy(model);
        ((Map<String, Object>) unknown.get("aiRisk")).put("surprise", 1);
        assertEquals(HttpStatus.BAD_REQUEST, refused(request.apply(unknown, ADMIN)), "an unknown field");
        assertEquals(version, inForce().get("version"), "nothing stored");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> copy(Map<String, Object> model) {
        try {
            return json.readValue(json.writeValueAsBytes(model), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpRequest<?> authorized(MutableHttpRequest<?> request, String token) {
        return token == null ? request : request.bearerAuth(token);
    }
}

package org.careergraph.notification.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.careergraph.notification.NotificationIT;
import org.careergraph.notification.TestDatabase;
import org.careergraph.notification.WebhookReceiver;
import org.careergraph.testsupport.TestOccupations;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class SubscriptionApiIT extends NotificationIT {

    private static final List<String> WATCHES = List.of("anyGreenListChange", "codePrefixes", "countries",
            "occupationIds");

    /** Answers each new subscription's verification request; deliveries are not looked at here. */
    private final WebhookReceiver receiver = webhookReceiver();
    private String known;
    private String alsoKnown;

    /** Subscriptions may only name occupations the catalog announced. */
    @BeforeAll
    void announceOccupations() {
        known = announce();
        alsoKnown = announce();
    }

    @Test
    void aSubscriberCreatesReadsAndCancelsTheirSubscription() {
        String url = hookUrl();
        HttpResponse<Map> created = http.toBlocking().exchange(HttpRequest.POST("/api/subscriptions",
                Map.of("webhookUrl", url, "occupationIds", List.of(alsoKnown, known, known))), Map.class);
        assertEquals(HttpStatus.CREATED, created.status());
        Map<?, ?> body = created.body();
        String id = (String) body.get("id");
        String token = (String) body.get("manageToken");
        assertEquals("/api/subscriptions/" + id, created.header("Location"));
        assertEquals("no-store", created.header("Cache-Control"));
        assertEquals(url, body.get("webhookUrl"));
        assertEquals(List.of(alsoKnown, known).stream().sorted().toList(), body.get("occupationIds"),
                "each occupation once");
        assertEquals(List.of(), body.get("codePrefixes"), "present, also when empty");
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), "32 random bytes in base64url: " + token);
        Instant.parse((String) body.get("createdAt"));
        assertEquals(1, TestDatabase.count(jdbc,
                "SELECT COUNT(*) FROM subscription WHERE id = ? AND manage_token_hash = ?", id,
                ManageTokens.hash(token)), "only the token's hash is stored");

        Map<?, ?> read = http.toBlocking().retrieve(withToken(HttpRequest.GET("/api/subscriptions/" + id), token),
                Map.class);
        assertEquals(id, read.get("id"));
        assertEquals(body.get("occupationIds"), read.get("occupationIds"));
        assertEquals(List.of(), read.get("codePrefixes"));
        assertFalse(read.containsKey("manageToken"), "the token is shown only once");

        Map<?, ?> deliveries = http.toBlocking().retrieve(
                withToken(HttpRequest.GET("/api/subscriptions/" + id + "/deliveries"), token), Map.class);
        assertEquals(List.of(), deliveries.get("items"));

        HttpResponse<?> deleted = http.toBlocking().exchange(
                withToken(HttpRequest.DELETE("/api/subscriptions/" + id), token));
        assertEquals(HttpStatus.NO_CONTENT, deleted.status());
        assertProblem(HttpStatus.NOT_FOUND, () -> withToken(HttpRequest.GET("/api/subscriptions/" + id), token));
        assertEquals(0, TestDatabase.count(jdbc,
                "SELECT COUNT(*) FROM subscription_occupation WHERE subscription_id = ?", id));
    }

    @Test
    void oneSubscribersTokenNeitherReadsNorCancelsAnothersSubscription() {
        Map<?, ?> a = subscribe(hookUrl(), known);
        Map<?, ?> b = subscribe(hookUrl(), known);
        String aId = (String) a.get("id");
        String aToken = (String) a.get("manageToken");
        String bToken = (String) b.get("manageToken");

        Map<?, ?> wrong = assertProblem(HttpStatus.NOT_FOUND,
                () -> withToken(HttpRequest.GET("/api/subscriptions/" + aId), bToken));
        Map<?, ?> unknown = assertProblem(HttpStatus.NOT_FOUND, () -> withToken(
                HttpRequest.GET("/api/subscriptions/" + UUID.randomUUID()), bToken));
        assertEquals(String.valueOf(wrong.get("title")), String.valueOf(unknown.get("title")),
                "a wrong token looks like an unknown id");
        assertFalse(String.valueOf(wrong).contains(String.valueOf(a.get("webhookUrl"))), "nothing of A's shows");
        assertProblem(HttpStatus.NOT_FOUND, () -> withToken(HttpRequest.DELETE("/api/subscriptions/" + aId), bToken));
        assertProblem(HttpStatus.NOT_FOUND,
                () -> withToken(HttpRequest.GET("/api/subscriptions/" + aId + "/deliveries"), bToken));
        assertProblem(HttpStatus.NOT_FOUND, () -> HttpRequest.GET("/api/subscriptions/" + aId));
        assertProblem(HttpStatus.NOT_FOUND, () -> HttpRequest.DELETE("/api/subscriptions/" + aId));

        Map<?, ?> stillThere = http.toBlocking().retrieve(
                withToken(HttpRequest.GET("/api/subscriptions/" + aId), aToken), Map.class);
        assertEquals(a.get("webhookUrl"), stillThere.get("webhookUrl"));
    }

    @Test
    void aSubscriberWatchesCodePrefixesAloneEachOnceWithItsCodeSystemsName() {
        String url = hookUrl();
        HttpResponse<Map> created = http.toBlocking().exchange(HttpRequest.POST("/api/subscriptions", Map.of(
                "webhookUrl", url,
                "codePrefixes", List.of(prefix("soc", "21-10"), prefix("ANZSCO", "2544"), prefix("Anzsco", "2544")))),
                Map.class);
        assertEquals(HttpStatus.CREATED, created.status());
        Map<?, ?> body = created.body();
        String id = (String) body.get("id");
        List<Map<String, String>> expected = List.of(prefix("ANZSCO", "2544"), prefix("SOC", "21-10"));
        assertEquals(List.of(), body.get("occupationIds"), "present, also when empty");
        assertEquals(expected, body.get("codePrefixes"));
        assertEquals(2, TestDatabase.count(jdbc,
                "SELECT COUNT(*) FROM subscription_code_prefix WHERE subscription_id = ?", id));

        Map<?, ?> read = http.toBlocking().retrieve(withToken(HttpRequest.GET("/api/subscriptions/" + id),
                (String) body.get("manageToken")), Map.class);
        assertEquals(List.of(), read.get("occupationIds"));
        assertEquals(expected, read.get("codePrefixes"));

        Map<?, ?> both = subscribe(Map.of("webhookUrl", hookUrl(), "occupationIds", List.of(known),
                "codePrefixes", List.of(prefix("NOL", "1"))));
        assertEquals(List.of(known), both.get("occupationIds"));
        assertEquals(List.of(prefix("NOL", "1")), both.get("codePrefixes"));
    }

    @Test
    void codePrefixesAreCheckedFieldByFieldAndNothingIsStored() {
        String url = hookUrl();
        Map<String, Object> badShapes = new HashMap<>(Map.of("webhookUrl", url));
        List<Object> prefixes = new ArrayList<>(List.of(prefix("ANZSCO", "25a4"), Map.of("prefix", ""),
                prefix("SOC", "12345678901234567"), prefix(" ", "21-10")));
        prefixes.add(null);
        badShapes.put("codePrefixes", prefixes);
        Map<?, ?> shapes = assertProblem(HttpStatus.BAD_REQUEST, () -> HttpRequest.POST("/api/subscriptions",
                badShapes));
        assertEquals(List.of("codePrefixes[0].prefix", "codePrefixes[1].codeSystem", "codePrefixes[1].prefix",
                "codePrefixes[2].prefix", "codePrefixes[3].codeSystem", "codePrefixes[4]"), fields(shapes));

        List<Map<String, String>> tooMany = IntStream.range(0, 21).mapToObj(i -> prefix("ANZSCO", "25" + i))
                .toList();
        Map<?, ?> overlong = assertProblem(HttpStatus.BAD_REQUEST, () -> HttpRequest.POST("/api/subscriptions",
                Map.of("webhookUrl", url, "codePrefixes", tooMany)));
        assertEquals(List.of("codePrefixes"), fields(overlong));

        Map<?, ?> unknown = assertProblem(HttpStatus.UNPROCESSABLE_ENTITY, () -> HttpRequest.POST(
                "/api/subscriptions", Map.of("webhookUrl", url, "occupationIds", List.of("anzsco-000001"),
                        "codePrefixes", List.of(prefix("ANZSCO", "2544"), prefix("XYZ", "1")))));
        assertEquals(List.of(Map.of("field", "occupationIds[0]", "message", "is not a known occupation"),
                Map.of("field", "codePrefixes[1].codeSystem",
                        "message", "is not a known code system (one of ANZSCO, SOC, NOL, OSCA, ISCO)")),
                unknown.get("errors"));
        assertNothingStoredFor(url);
    }

    @Test
    void anUnknownOccupationIsRefusedByPositionAndNothingIsStored() {
        String url = hookUrl();
        Map<?, ?> problem = assertProblem(HttpStatus.UNPROCESSABLE_ENTITY, () -> HttpRequest.POST("/api/subscriptions",
                Map.of("webhookUrl", url, "occupationIds", List.of(known, "anzsco-000001"))));
        assertEquals(List.of(Map.of("field", "occupationIds[1]", "message", "is not a known occupation")),
                problem.get("errors"));
        assertNothingStoredFor(url);
    }

    @Test
    void webhooksThatPointInsideOrAreNotHttpsOrHaveNoValidPortOrHostAreRefusedAndNothingIsStored() {
        for (String url : List.of("http://10.0.0.1/x", "https://169.254.169.254/", "https://[::1]/",
                "http://example.com/hook", "https://user:secret@127.0.0.1/hook", "https://[::ffff:192.168.1.1]/x",
                "ftp://example.com/x", "https://example.com:0/x", "https://example.com:99999/x",
                "https://example.com:65536/x", "http://127.0.0.1:0/hook", "https://exa_mple.com/x")) {
            Map<?, ?> problem = assertProblem(HttpStatus.UNPROCESSABLE_ENTITY,
                    () -> HttpRequest.POST("/api/subscriptions", Map.of("webhookUrl", url, "occupationIds",
                            List.of(known))));
            List<Map<?, ?>> errors = (List<Map<?, ?>>) problem.get("errors");
            assertEquals("webhookUrl", errors.get(0).get("field"), url + ": " + problem);
            assertNothingStoredFor(url);
        }
    }

    @Test
    void malformedJsonIsABadRequestProblem() {
        String url = hookUrl();
        String broken = "{\"webhookUrl\": \"" + url + "\", \"occupationIds\": [\"" + known + "\"";
        assertProblem(HttpStatus.BAD_REQUEST, () -> HttpRequest.POST("/api/subscriptions", broken)
                .contentType(MediaType.APPLICATION_JSON));
        assertNothingStoredFor(url);
    }

    @Test
    void aLooseRequestIsRefusedFieldByFieldAndNothingIsStored() {
        String url = hookUrl();
        String base = "\"webhookUrl\": \"" + url + "\", \"occupationIds\": [\"" + known + "\"]";
        Map<?, ?> coerced = assertProblem(HttpStatus.BAD_REQUEST, () -> HttpRequest.POST("/api/subscriptions",
                "{" + base + ", \"anyGreenListChange\": \"yes\", \"email\": 5, \"extra\": 1}")
                .contentType(MediaType.APPLICATION_JSON));
        assertEquals(List.of("anyGreenListChange", "email", "extra"), fields(coerced));
        Map<?, ?> halfACharacter = assertProblem(HttpStatus.BAD_REQUEST, () -> HttpRequest.POST("/api/subscriptions",
                "{\"email\": \"\\ud800@example.com\", \"occupationIds\": [\"" + known + "\"]}")
                .contentType(MediaType.APPLICATION_JSON));
        assertEquals(List.of("email"), fields(halfACharacter));
        Map<?, ?> twoLines = assertProblem(HttpStatus.BAD_REQUEST, () -> HttpRequest.POST("/api/subscriptions",
                "{\"webhookUrl\": \"" + url + "\\r\\nX: 1\", \"occupationIds\": [\"" + known + "\"]}")
                .contentType(MediaType.APPLICATION_JSON));
        assertEquals(List.of("webhookUrl"), fields(twoLines));
        assertProblem(HttpStatus.BAD_REQUEST, () -> HttpRequest.POST("/api/subscriptions", "{" + base + "} {}")
                .contentType(MediaType.APPLICATION_JSON));
        assertProblem(HttpStatus.BAD_REQUEST, () -> HttpRequest.POST("/api/subscriptions",
                "{" + base + ", \"webhookUrl\": \"" + url + "\"}").contentType(MediaType.APPLICATION_JSON));
        assertNothingStoredFor(url);
        assertEquals(0, TestDatabase.count(jdbc, "SELECT COUNT(*) FROM subscription WHERE email LIKE '%example.com'"));
    }

    @Test
    void missingFieldsEmptyAndOverlongListsAreListedFieldByField() {
        Map<?, ?> missing = assertProblem(HttpStatus.BAD_REQUEST,
                () -> HttpRequest.POST("/api/subscriptions", Map.of()));
        assertEquals(List.of("anyGreenListChange", "codePrefixes", "countries", "email", "occupationIds",
                "webhookUrl"), fields(missing), "no channel is reported on both channels, no watch on every watch");

        String url = hookUrl();
        Map<?, ?> empty = assertProblem(HttpStatus.BAD_REQUEST, () -> HttpRequest.POST("/api/subscriptions",
                Map.of("webhookUrl", url, "occupationIds", List.of(), "codePrefixes", List.of())));
        assertEquals(WATCHES, fields(empty));
        Map<?, ?> absent = assertProblem(HttpStatus.BAD_REQUEST, () -> HttpRequest.POST("/api/subscriptions",
                Map.of("webhookUrl", url)));
        assertEquals(WATCHES, fields(absent));
        Map<?, ?> both = assertProblem(HttpStatus.BAD_REQUEST, () -> HttpRequest.POST("/api/subscriptions",
                Map.of("webhookUrl", url, "email", "someone@example.com", "occupationIds", List.of(known))));
        assertEquals(List.of("email", "webhookUrl"), fields(both), "one channel, not two");

        List<String> tooMany = IntStream.range(0, 101).mapToObj(i -> known).toList();
        Map<?, ?> overlong = assertProblem(HttpStatus.BAD_REQUEST, () -> HttpRequest.POST("/api/subscriptions",
                Map.of("webhookUrl", url, "occupationIds", tooMany)));
        assertEquals(List.of("occupationIds"), fields(overlong));
        assertNothingStoredFor(url);
    }

    @Test
    void aWebhookSubscriptionShowsItsSigningSecretOnceAndAllKindsByDefault() {
        Map<?, ?> created = subscribe(hookUrl(), known);
        assertEquals("WEBHOOK", created.get("channel"));
        assertEquals("ACTIVE", created.get("status"));
        assertTrue(((String) created.get("signingSecret")).matches("whsec_[A-Za-z0-9+/]{32}"),
                "24 random bytes in base64: " + created.get("signingSecret"));
        assertEquals(List.of("SCORE", "IMMIGRATION_STATUS", "POLICY", "SALARY", "AI_IMPACT", "CATALOG"),
                created.get("kinds"));
        assertEquals(false, created.get("anyGreenListChange"));
        Map<?, ?> read = http.toBlocking().retrieve(withToken(HttpRequest.GET("/api/subscriptions/"
                + created.get("id")), (String) created.get("manageToken")), Map.class);
        assertFalse(read.containsKey("signingSecret"), "shown only once: " + read);
    }

    @Test
    void countriesGreenListAndKindsAreCheckedFieldByFieldAndNothingIsStored() {
        String url = hookUrl();
        Map<?, ?> problem = assertProblem(HttpStatus.UNPROCESSABLE_ENTITY, () -> HttpRequest.POST(
                "/api/subscriptions", Map.of("webhookUrl", url, "countries", List.of("nz", "XX"),
                        "kinds", List.of("SCORE", "WEATHER"), "emailDelivery", "DAILY_DIGEST")));
        assertEquals(List.of(
                Map.of("field", "emailDelivery", "message", "is only for email subscriptions"),
                Map.of("field", "countries[1]", "message", "is not an ISO 3166 country code"),
                Map.of("field", "kinds[1]", "message", "is not a kind of change (one of SCORE, IMMIGRATION_STATUS, "
                        + "POLICY, SALARY, AI_IMPACT, CATALOG)"),
                Map.of("field", "kinds", "message", "must include IMMIGRATION_STATUS or POLICY: countries and "
                        + "anyGreenListChange watch immigration status and policy changes")), problem.get("errors"));
        Map<?, ?> shapes = assertProblem(HttpStatus.BAD_REQUEST, () -> HttpRequest.POST("/api/subscriptions",
                Map.of("webhookUrl", url, "countries", List.of("NZL"), "kinds", List.of())));
        assertEquals(List.of("countries[0]", "kinds"), fields(shapes));
        assertNothingStoredFor(url);

        Map<?, ?> created = subscribe(Map.of("webhookUrl", url, "countries", List.of("us", "NZ", "nz"),
                "anyGreenListChange", true, "kinds", List.of("policy", "IMMIGRATION_STATUS")));
        assertEquals(List.of("NZ", "US"), created.get("countries"));
        assertEquals(true, created.get("anyGreenListChange"));
        assertEquals(List.of("IMMIGRATION_STATUS", "POLICY"), created.get("kinds"));
    }

    @Test
    void aSubscriberChangesWhatTheyWatchAndPausesAndEveryChangeIsChecked() {
        Map<?, ?> created = subscribe(hookUrl(), known);
        String id = (String) created.get("id");
        String token = (String) created.get("manageToken");

        Map<?, ?> changed = http.toBlocking().retrieve(withToken(HttpRequest.PATCH("/api/subscriptions/" + id,
                Map.of("occupationIds", List.of(alsoKnown), "countries", List.of("NZ"),
                        "kinds", List.of("SCORE", "POLICY"))), token), Map.class);
        assertEquals(List.of(alsoKnown), changed.get("occupationIds"));
        assertEquals(List.of("NZ"), changed.get("countries"));
        assertEquals(List.of("SCORE", "POLICY"), changed.get("kinds"));
        assertEquals(created.get("webhookUrl"), changed.get("webhookUrl"), "what the patch leaves out stays");

        Map<?, ?> refused = assertProblem(HttpStatus.UNPROCESSABLE_ENTITY, () -> withToken(HttpRequest.PATCH(
                "/api/subscriptions/" + id, Map.of("email", "new@example.com", "occupationIds", List.of(),
                        "countries", List.of(), "webhookUrl", "http://10.1.2.3/hook")), token));
        assertEquals(List.of("anyGreenListChange", "codePrefixes", "countries", "email", "occupationIds",
                "webhookUrl"), fields(refused));
        Map<?, ?> unchanged = http.toBlocking().retrieve(withToken(HttpRequest.GET("/api/subscriptions/" + id),
                token), Map.class);
        assertEquals(changed, unchanged, "nothing changed");

        Map<?, ?> paused = http.toBlocking().retrieve(withToken(HttpRequest.PATCH("/api/subscriptions/" + id,
                Map.of("enabled", false)), token), Map.class);
        assertEquals("DISABLED", paused.get("status"));
        assertEquals("paused by the subscriber", paused.get("statusReason"));
        Map<?, ?> resumed = http.toBlocking().retrieve(withToken(HttpRequest.PATCH("/api/subscriptions/" + id,
                Map.of("enabled", true)), token), Map.class);
        assertEquals("ACTIVE", resumed.get("status"));
    }

    @Test
    void oneSubscribersTokenNeitherChangesNorReplaysAnothersSubscription() {
        Map<?, ?> a = subscribe(hookUrl(), known);
        Map<?, ?> b = subscribe(hookUrl(), known);
        String aId = (String) a.get("id");
        String bToken = (String) b.get("manageToken");
        assertProblem(HttpStatus.NOT_FOUND, () -> withToken(HttpRequest.PATCH("/api/subscriptions/" + aId,
                Map.of("enabled", false)), bToken));
        assertProblem(HttpStatus.NOT_FOUND, () -> HttpRequest.PATCH("/api/subscriptions/" + aId,
                Map.of("enabled", false)));
        assertProblem(HttpStatus.NOT_FOUND, () -> withToken(HttpRequest.POST("/api/subscriptions/" + aId
                + "/deliveries/" + UUID.randomUUID() + "/replay", Map.of()), bToken));
        Map<?, ?> untouched = http.toBlocking().retrieve(withToken(HttpRequest.GET("/api/subscriptions/" + aId),
                (String) a.get("manageToken")), Map.class);
        assertEquals("ACTIVE", untouched.get("status"));
    }

    private String announce() {
        return occupations().announce(TestOccupations.uniqueCode());
    }

    private Map<?, ?> subscribe(String url, String... occupationIds) {
        return subscribe(Map.of("webhookUrl", url, "occupationIds", List.of(occupationIds)));
    }

    private Map<?, ?> subscribe(Map<String, ?> request) {
        return http.toBlocking().retrieve(HttpRequest.POST("/api/subscriptions", request), Map.class);
    }

    private static Map<String, String> prefix(String codeSystem, String prefix) {
        return Map.of("codeSystem", codeSystem, "prefix", prefix);
    }

    private void assertNothingStoredFor(String url) {
        assertEquals(0, TestDatabase.count(jdbc, "SELECT COUNT(*) FROM subscription WHERE webhook_url = ?", url));
    }

    private Map<?, ?> assertProblem(HttpStatus status, Supplier<MutableHttpRequest<?>> request) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(request.get()));
        assertEquals(status, e.getStatus(), () -> e.getMessage() + " " + e.getResponse().getBody(Map.class));
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        Map<?, ?> problem = e.getResponse().getBody(Argument.of(Map.class)).orElseThrow();
        assertEquals(status.getCode(), ((Number) problem.get("status")).intValue());
        return problem;
    }

    private static List<?> fields(Map<?, ?> problem) {
        return ((List<Map<?, ?>>) problem.get("errors")).stream().map(f -> f.get("field")).sorted().toList();
    }

    private static MutableHttpRequest<?> withToken(MutableHttpRequest<?> request, String token) {
        return request.header(SubscriptionController.MANAGE_TOKEN, token);
    }

    private String hookUrl() {
        return receiver.url(UUID.randomUUID().toString());
    }
}

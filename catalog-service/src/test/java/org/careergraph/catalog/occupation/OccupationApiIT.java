package org.careergraph.catalog.occupation;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careergraph.events.EventFixtures;
import org.careergraph.events.EventType;
import org.careergraph.events.OccupationChanged;
import org.careergraph.events.Topics;
import org.careergraph.security.AccessTokens;
import org.careergraph.testsupport.TestEvents;
import org.careergraph.testsupport.TestInfrastructure;
import org.careergraph.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OccupationApiIT implements TestPropertyProvider {

    private static final String SECRET = TestInfrastructure.jwtSecret();
    private static final String EDITOR = TestInfrastructure.token("EDITOR");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    JsonMapper json;

    @Inject
    JdbcOperations jdbc;

    @Inject
    TransactionOperations<Connection> transactions;

    private final TopicProbe occupationEvents = TopicProbe.open(TestInfrastructure.kafkaBootstrapServers(),
            Topics.OCCUPATIONS);

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.serviceProperties("catalog");
    }

    @AfterAll
    void closeProbe() {
        occupationEvents.close();
    }

    @Test
    void creatingAnOccupationStoresItAndPublishesOccupationChanged() throws IOException {
        String code = uniqueCode();
        HttpResponse<Map> created = http.toBlocking().exchange(
                HttpRequest.POST("/api/occupations", page(code, "Community Services Worker", 58000)).bearerAuth(EDITOR),
                Map.class);
        assertEquals(HttpStatus.CREATED, created.status());
        String id = "anzsco-" + code;
        assertEquals("/api/occupations/" + id, created.header("Location"));
        assertEquals("\"1\"", created.header("ETag"));

        Map<?, ?> read = http.toBlocking().retrieve(HttpRequest.GET("/api/occupations/" + id), Map.class);
        assertEquals("社區服務工作者", read.get("titleZh"));
        assertEquals("MIXED", ((Map<?, ?>) ((Map<?, ?>) read.get("page")).get("aiImpact")).get("verdict"));
        assertEquals(7, ((Number) ((Map<?, ?>) ((Map<?, ?>) read.get("editorial")).get("demandOutlook")).get("value"))
                .intValue());

        ConsumerRecord<String, byte[]> record = await().atMost(Duration.ofSeconds(30))
                .until(() -> occupationEvents.recordsWithKey(id), r -> r.size() == 1).get(0);
        assertEquals(EventType.OCCUPATION_CHANGED.type(), TopicProbe.header(record, "ce_type"));
        assertEquals(id, TopicProbe.header(record, "ce_subject"));
        assertEquals("/careergraph/catalog-service", TopicProbe.header(record, "ce_source"));
        OccupationChanged event = json.readValue(record.value(), OccupationChanged.class);
        assertEquals(OccupationChanged.ChangeKind.CREATED, event.kind());
        assertEquals("editor@test", event.changedBy());
        assertEquals(3, event.occupation().salaryBands().size());
        assertEquals("MIXED", event.occupation().aiVerdict());
        assertEquals(1, event.occupation().tasksTakenOver());

        // The published payload has exactly the fields of the contract's fixture, which consumers test against.
        Map<?, ?> published = json.readValue(record.value(), Map.class);
        Map<?, ?> fixture = json.readValue(EventFixtures.json(EventType.OCCUPATION_CHANGED), Map.class);
        assertEquals(fixture.keySet(), published.keySet());
    }

    @Test
    void aReplacementThatChangesSomethingIsANewRevisionAndANoOpIsNothing() throws IOException {
        String code = uniqueCode();
        String id = "anzsco-" + code;
        http.toBlocking().exchange(HttpRequest.POST("/api/occupations", page(code, "Housing Officer", 60000))
                .bearerAuth(EDITOR));

        HttpResponse<Map> same = http.toBlocking().exchange(HttpRequest.PUT("/api/occupations/" + id,
                page(code, "Housing Officer", 60000)).header("If-Match", "\"1\"").bearerAuth(EDITOR), Map.class);
        assertEquals("\"1\"", same.header("ETag"), "a no-op makes no revision");

        HttpResponse<Map> changed = http.toBlocking().exchange(HttpRequest.PUT("/api/occupations/" + id,
                page(code, "Housing Officer", 65000)).header("If-Match", "\"1\"").bearerAuth(EDITOR), Map.class);
        assertEquals("\"2\"", changed.header("ETag"));

        List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(30))
                .until(() -> occupationEvents.recordsWithKey(id), r -> r.size() >= 2);
        assertEquals(2, records.size(), "one event for the creation and one for the real change, none for the no-op");
        OccupationChanged update = json.readValue(records.get(1).value(), OccupationChanged.class);
        assertEquals(2, update.revision());
        assertEquals(List.of("/salaryBands"), update.changes().stream().map(c -> c.path()).toList());

        HttpClientResponseException stale = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.PUT("/api/occupations/" + id, page(code, "Housing Officer", 70000))
                        .header("If-Match", "\"1\"").bearerAuth(EDITOR)));
        assertProblem(stale, HttpStatus.PRECONDITION_FAILED);
    }

    @Test
    void everyChangeIsANumberedRevisionWithItsDiffAuthorAndSnapshot() {
        String code = uniqueCode();
        String id = "anzsco-" + code;
        Instant beforeCreation = Instant.now().minusSeconds(1);
        http.toBlocking().exchange(HttpRequest.POST("/api/occupations", page(code, "Housing Officer", 60000))
                .bearerAuth(EDITOR));
        http.toBlocking().exchange(HttpRequest.PUT("/api/occupations/" + id, page(code, "Housing Officer", 60000))
                .bearerAuth(EDITOR));
        http.toBlocking().exchange(HttpRequest.PUT("/api/occupations/" + id, page(code, "Senior Housing Officer",
                61000)).header("If-Match", "\"1\"").bearerAuth(EDITOR));

        List<Map<String, Object>> history = http.toBlocking().retrieve(
                HttpRequest.GET("/api/occupations/" + id + "/revisions"), Argument.listOf(Argument.mapOf(String.class,
                        Object.class)));
        assertEquals(List.of(2, 1), history.stream().map(r -> ((Number) r.get("revision")).intValue()).toList(),
                "newest first; the no-op made no revision");
        assertEquals("UPDATED", history.get(0).get("kind"));
        assertEquals("editor@test", history.get(0).get("changedBy"));
        assertEquals(List.of("/salaryBands", "/title/en"), ((List<Map<?, ?>>) history.get(0).get("changes")).stream()
                .map(c -> c.get("path")).toList());
        Map<?, ?> titleChange = ((List<Map<?, ?>>) history.get(0).get("changes")).get(1);
        assertEquals("Housing Officer", titleChange.get("before"));
        assertEquals("Senior Housing Officer", titleChange.get("after"));

        Map<?, ?> first = http.toBlocking().retrieve(HttpRequest.GET("/api/occupations/" + id + "/revisions/1"),
                Map.class);
        assertEquals("CREATED", first.get("kind"));
        assertEquals("Housing Officer", ((Map<?, ?>) first.get("snapshot")).get("titleEn"));
        assertEquals("CREATED", first.get("kind"));

        assertProblem(assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.GET("/api/occupations/" + id + "/revisions/3"))), HttpStatus.NOT_FOUND);
        assertProblem(assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.GET("/api/occupations/anzsco-000000/revisions"))), HttpStatus.NOT_FOUND);

        List<?> changed = (List<?>) http.toBlocking().retrieve(HttpRequest.GET("/api/occupations?size=100&changedSince="
                + beforeCreation), Map.class).get("items");
        assertTrue(changed.stream().anyMatch(o -> id.equals(((Map<?, ?>) o).get("id"))), "changed since: " + changed);
        Map<?, ?> none = http.toBlocking().retrieve(HttpRequest.GET("/api/occupations?changedSince="
                + Instant.now().plusSeconds(3600)), Map.class);
        assertEquals(0, ((Number) none.get("total")).intValue());
        assertProblem(assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.GET("/api/occupations?changedSince=yesterday"))), HttpStatus.BAD_REQUEST);
    }

    @Test
    void aMergePatchChangesOnlyWhatItNamesAndArchivingIsARevisionToo() throws IOException {
        String code = uniqueCode();
        String id = "anzsco-" + code;
        http.toBlocking().exchange(HttpRequest.POST("/api/occupations", page(code, "Housing Officer", 60000))
                .bearerAuth(EDITOR));

        HttpResponse<Map> patched = http.toBlocking().exchange(HttpRequest.PATCH("/api/occupations/" + id,
                        Map.of("skillLevel", 3, "page", Map.of("summary", Map.of("zh", "管理社會住房"))))
                .contentType("application/merge-patch+json").header("If-Match", "\"1\"").bearerAuth(EDITOR), Map.class);
        assertEquals("\"2\"", patched.header("ETag"));
        Map<?, ?> summary = (Map<?, ?>) ((Map<?, ?>) patched.body().get("page")).get("summary");
        assertEquals("管理社會住房", summary.get("zh"));
        assertEquals("Supports people and families in the community.", summary.get("en"), "merged, not replaced");

        HttpResponse<Map> removed = http.toBlocking().exchange(HttpRequest.PATCH("/api/occupations/" + id,
                "{\"page\": {\"summary\": null}}").contentType("application/merge-patch+json").bearerAuth(EDITOR),
                Map.class);
        assertEquals(null, ((Map<?, ?>) removed.body().get("page")).get("summary"));

        HttpClientResponseException invalid = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.PATCH("/api/occupations/" + id, Map.of("skillLevel", 9))
                        .contentType("application/merge-patch+json").bearerAuth(EDITOR)));
        assertProblem(invalid, HttpStatus.BAD_REQUEST);
        // A patch is read as strictly as a whole body: an unknown field or a value of another type is refused.
        for (String loose : List.of("{\"page\": {\"bogus\": 1}}", "{\"skillLevel\": true}", "{\"skillLevel\": 1.5}")) {
            HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> http
                    .toBlocking().exchange(HttpRequest.PATCH("/api/occupations/" + id, loose)
                            .contentType("application/merge-patch+json").bearerAuth(EDITOR)));
            assertProblem(refused, HttpStatus.BAD_REQUEST);
        }

        HttpResponse<Map> archived = http.toBlocking().exchange(HttpRequest.POST("/api/occupations/" + id
                + "/archive", "").bearerAuth(EDITOR), Map.class);
        assertEquals(true, archived.body().get("archived"));

        List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(30))
                .until(() -> occupationEvents.recordsWithKey(id), r -> r.size() >= 4);
        assertEquals(4, records.size(), "create, two patches, archive; the invalid patch is nothing");
        assertEquals(List.of("/skillLevel", "/summary/zh"), json.readValue(records.get(1).value(),
                OccupationChanged.class).changes().stream().map(c -> c.path()).toList());
        assertEquals(List.of("/archived"), json.readValue(records.get(3).value(), OccupationChanged.class).changes()
                .stream().map(c -> c.path()).toList());
    }

    @Test
    void thePageIsServedWithTheLatestScoreAndImmigrationStatusHeardOf() {
        String code = uniqueCode();
        String id = "anzsco-" + code;
        http.toBlocking().exchange(HttpRequest.POST("/api/occupations", page(code, "Housing Officer", 60000))
                .bearerAuth(EDITOR));
        try (TestEvents events = TestEvents.connect(TestInfrastructure.kafkaBootstrapServers())) {
            events.publish(EventType.SCORE_CHANGED, id, EventFixtures.json(EventType.SCORE_CHANGED, id));
            events.publish(EventType.IMMIGRATION_STATUS_CHANGED, id,
                    EventFixtures.json(EventType.IMMIGRATION_STATUS_CHANGED, id));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<?, ?> read = http.toBlocking().retrieve(HttpRequest.GET("/api/occupations/" + id), Map.class);
            assertTrue(read.get("score") instanceof Map && read.get("immigrationStatus") instanceof Map, "" + read);
            assertEquals(6.8, ((Number) ((Map<?, ?>) read.get("score")).get("overall")).doubleValue());
            assertEquals(1, ((Number) ((Map<?, ?>) read.get("immigrationStatus")).get("greenListTier")).intValue());
            assertEquals("Housing Officer", read.get("titleEn"), "the page is still there, beside its signals");
        });
        // A listing carries the same signals, so that a list can show and sort by them.
        Map<?, ?> listed = (Map<?, ?>) ((List<?>) http.toBlocking().retrieve(HttpRequest.GET(
                "/api/occupations?codePrefix=" + code), Map.class).get("items")).getFirst();
        assertEquals(6.8, ((Number) ((Map<?, ?>) listed.get("score")).get("overall")).doubleValue(), "" + listed);
        assertEquals(1, ((Number) ((Map<?, ?>) listed.get("immigrationStatus")).get("greenListTier")).intValue());
    }

    @Test
    void aReadAnswersWhatAnotherReplicaCommittedSinceTheLastRead() {
        String code = uniqueCode();
        String id = "anzsco-" + code;
        http.toBlocking().exchange(HttpRequest.POST("/api/occupations", page(code, "Housing Officer", 60000))
                .bearerAuth(EDITOR));
        assertEquals("Housing Officer", http.toBlocking().retrieve(HttpRequest.GET("/api/occupations/" + id),
                Map.class).get("titleEn"));

        // Another replica's write reaches this one through the database alone: no event, no local listener.
        transactions.executeWrite(status -> jdbc.prepareStatement("UPDATE occupation SET title_en = 'Tenancy"
                + " Officer', page = JSON_SET(page, '$.title.en', 'Tenancy Officer'), revision = 2, updated_at ="
                + " updated_at + INTERVAL 1 SECOND WHERE id = ?", statement -> {
                    statement.setString(1, id);
                    return statement.executeUpdate();
                }));

        HttpResponse<Map> read = http.toBlocking().exchange(HttpRequest.GET("/api/occupations/" + id), Map.class);
        assertEquals("Tenancy Officer", read.body().get("titleEn"));
        assertEquals("\"2\"", read.header("ETag"));
    }

    @Test
    void anOversizedBodyIsRefusedAndStoresNothing() {
        String code = uniqueCode();
        Map<String, Object> body = new HashMap<>(page(code, "Housing Officer", 60000));
        body.put("page", Map.of("title", Map.of("en", "Housing Officer"), "codeSystem", "ANZSCO", "code", code,
                "summary", Map.of("en", "x".repeat(1_200_000))));
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/occupations", body).bearerAuth(EDITOR)));
        assertProblem(e, HttpStatus.REQUEST_ENTITY_TOO_LARGE);
        assertNotStored("anzsco-" + code);
    }

    @Test
    void unknownFieldsAreRefusedNotDropped() {
        String code = uniqueCode();
        Map<String, Object> body = new HashMap<>(page(code, "Housing Officer", 60000));
        body.put("salary", 1);
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/occupations", body).bearerAuth(EDITOR)));
        assertProblem(e, HttpStatus.BAD_REQUEST);
        assertNotStored("anzsco-" + code);
    }

    @Test
    void malformedJsonIsAProblemAndStoresNothing() {
        String code = uniqueCode();
        String broken = "{\"page\": {\"title\": {\"zh\": \"住房官員\"}, \"code\": \"" + code + "\", ";
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/occupations", broken).contentType(MediaType.APPLICATION_JSON)
                        .bearerAuth(EDITOR)));
        assertProblem(e, HttpStatus.BAD_REQUEST);
        assertNotStored("anzsco-" + code);
    }

    @Test
    void aValueOfTheWrongTypeIsAProblemThatNamesNoInternals() {
        String code = uniqueCode();
        String wrongType = "{\"skillLevel\": \"four\", \"page\": {\"title\": {\"en\": \"Housing Officer\"},"
                + " \"codeSystem\": \"ANZSCO\", \"code\": \"" + code + "\", \"salaryBands\": {}}}";
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/occupations", wrongType).contentType(MediaType.APPLICATION_JSON)
                        .bearerAuth(EDITOR)));
        Map<?, ?> problem = assertProblem(e, HttpStatus.BAD_REQUEST);
        String text = problem.toString();
        assertTrue(!text.contains("class ") && !text.contains("org.careergraph") && !text.contains("io.micronaut"),
                text);
        assertNotStored("anzsco-" + code);
    }

    @Test
    void missingFieldsAreListedOneByOne() {
        String code = uniqueCode();
        Map<String, Object> partial = Map.of("page", Map.of("codeSystem", "ANZSCO", "code", code,
                "salaryBands", List.of(Map.of("level", "junior", "min", 1, "currency", "nzd"))));
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/occupations", partial).bearerAuth(EDITOR)));
        Map<?, ?> problem = assertProblem(e, HttpStatus.BAD_REQUEST);
        assertTrue(problem.get("errors") instanceof List, "field errors expected in " + problem);
        List<?> fields = ((List<Map<?, ?>>) problem.get("errors")).stream().map(f -> f.get("field")).toList();
        assertTrue(fields.containsAll(List.of("page.title", "page.salaryBands[0].max", "page.salaryBands[0].currency")),
                "every invalid field is named: " + fields);
        assertNotStored("anzsco-" + code);
    }

    @Test
    void amountsAndTitlesBeyondTheirBoundsAreRefused() {
        String code = uniqueCode();
        Map<String, Object> huge = Map.of("page", Map.of("title", Map.of("en", "Nurse"), "codeSystem", "ANZSCO",
                "code", code, "salaryBands", List.of(Map.of("level", "junior", "min", 1, "max", new java.math.BigDecimal(
                        "1e309"), "currency", "NZD"))));
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/occupations", huge).bearerAuth(EDITOR)));
        Map<?, ?> problem = assertProblem(e, HttpStatus.BAD_REQUEST);
        assertEquals("page.salaryBands[0].max", ((List<Map<?, ?>>) problem.get("errors")).get(0).get("field"));

        Map<String, Object> longTitle = Map.of("page", Map.of("title", Map.of("en", "N".repeat(201)),
                "codeSystem", "ANZSCO", "code", code));
        HttpClientResponseException title = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/occupations", longTitle).bearerAuth(EDITOR)));
        Map<?, ?> titleProblem = assertProblem(title, HttpStatus.UNPROCESSABLE_ENTITY);
        assertEquals("page.title.en", ((List<Map<?, ?>>) titleProblem.get("errors")).get(0).get("field"));
        assertNotStored("anzsco-" + code);
    }

    @Test
    void anInvalidCrosswalkCodeIsRefused() {
        String code = uniqueCode();
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/occupations", Map.of("page", Map.of("title", Map.of("en", "Nurse"),
                        "codeSystem", "ANZSCO", "code", code, "crosswalk", List.of(Map.of("codeSystem", "NOL",
                                "code", "12")))))
                        .bearerAuth(EDITOR)));
        Map<?, ?> problem = assertProblem(e, HttpStatus.UNPROCESSABLE_ENTITY);
        assertEquals("page.crosswalk[0]", ((List<Map<?, ?>>) problem.get("errors")).get(0).get("field"));
        assertNotStored("anzsco-" + code);
    }

    @Test
    void anInvalidCodeIsRefusedField() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/occupations", page("41-12", "Bad code", 1000)).bearerAuth(EDITOR)));
        Map<?, ?> problem = assertProblem(e, HttpStatus.UNPROCESSABLE_ENTITY);
        assertEquals("page.code", ((List<Map<?, ?>>) problem.get("errors")).get(0).get("field"));
    }

    @Test
    void writesNeedAnEditorOrAdminToken() {
        String code = uniqueCode();
        HttpClientResponseException anonymous = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/api/occupations", page(code, "Anyone", 1))));
        assertProblem(anonymous, HttpStatus.UNAUTHORIZED);

        String forged = AccessTokens.issue(AccessTokens.newSecret(), "mallory", List.of("ADMIN"), Duration.ofHours(1));
        HttpClientResponseException wrongKey = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/occupations", page(code, "Forged", 1)).bearerAuth(forged)));
        assertEquals(HttpStatus.UNAUTHORIZED, wrongKey.getStatus());

        String reader = AccessTokens.issue(SECRET, "reader", List.of("READER"), Duration.ofHours(1));
        HttpClientResponseException noRole = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/occupations", page(code, "Reader", 1)).bearerAuth(reader)));
        assertProblem(noRole, HttpStatus.FORBIDDEN);
        assertNotStored("anzsco-" + code);
    }

    @Test
    void theServiceIsReadyWithItsDatabaseAndBroker() {
        assertEquals(HttpStatus.OK, http.toBlocking().exchange(HttpRequest.GET("/health/readiness")).getStatus());
        assertEquals(HttpStatus.OK, http.toBlocking().exchange(HttpRequest.GET("/health/liveness")).getStatus());
    }

    @Test
    void prometheusScrapesMetricsWithoutAToken() {
        http.toBlocking().exchange(HttpRequest.GET("/health/readiness"));
        HttpResponse<String> scraped = http.toBlocking().exchange(HttpRequest.GET("/prometheus"), String.class);
        assertEquals(HttpStatus.OK, scraped.getStatus());
        assertTrue(scraped.getContentType().orElseThrow().toString().startsWith("text/plain"),
                scraped.getContentType().toString());
        String body = scraped.body();
        for (String metric : List.of("jvm_memory_used_bytes", "http_server_requests_seconds_count",
                "hikaricp_connections_active", "kafka_producer_")) {
            assertTrue(body.contains(metric), metric + " missing from /prometheus");
        }
    }

    @Test
    void anUnknownOccupationIsNotFound() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/occupations/anzsco-000000")));
        assertProblem(e, HttpStatus.NOT_FOUND);
        HttpClientResponseException put = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.PUT("/api/occupations/anzsco-000000", page("000000", "Nobody", 1))
                        .bearerAuth(EDITOR)));
        assertProblem(put, HttpStatus.NOT_FOUND);
    }

    private void assertNotStored(String id) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/occupations/" + id)));
        assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
    }

    private static Map<?, ?> assertProblem(HttpClientResponseException e, HttpStatus status) {
        assertEquals(status, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        Map<?, ?> problem = e.getResponse().getBody(Argument.of(Map.class)).orElseThrow();
        assertEquals(status.getCode(), ((Number) problem.get("status")).intValue());
        return problem;
    }

    private static String uniqueCode() {
        return String.valueOf(100000 + (int) (Math.random() * 899999));
    }

    /** An occupation as a client writes it: a small career page, its skill level and an editorial rating. */
    static Map<String, Object> page(String code, String titleEn, int midMin) {
        return Map.of("skillLevel", 4, "editorial", Map.of("demandOutlook", 7), "page", Map.of(
                "title", Map.of("zh", "社區服務工作者", "en", titleEn), "codeSystem", "ANZSCO", "code", code,
                "summary", Map.of("en", "Supports people and families in the community."),
                "aiImpact", Map.of("verdict", "MIXED", "tasksTakenOver", List.of(Map.of("zh", "自動生成服務記錄"))),
                "salaryBands", List.of(
                        Map.of("level", "junior", "min", 48000, "max", 58000, "currency", "NZD"),
                        Map.of("level", "mid", "min", midMin, "max", midMin + 14000, "currency", "NZD"),
                        Map.of("level", "senior", "min", 72000, "max", 90000, "currency", "NZD"))));
    }
}

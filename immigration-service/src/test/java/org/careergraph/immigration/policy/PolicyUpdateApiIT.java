package org.careergraph.immigration.policy;

import static org.awaitility.Awaitility.await;
import static org.careergraph.immigration.Problems.assertProblem;
import static org.careergraph.immigration.Problems.fields;
import static org.careergraph.immigration.Problems.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
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
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careergraph.events.EventFixtures;
import org.careergraph.events.EventType;
import org.careergraph.events.PolicyUpdated;
import org.careergraph.events.RuleChange;
import org.careergraph.events.Topics;
import org.careergraph.immigration.TestImmigration;
import org.careergraph.testsupport.TestOccupations;
import org.careergraph.immigration.rules.Country;
import org.careergraph.immigration.rules.RuleKind;
import org.careergraph.security.AccessTokens;
import org.careergraph.testsupport.TestEvents;
import org.careergraph.testsupport.TestInfrastructure;
import org.careergraph.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicyUpdateApiIT implements TestPropertyProvider {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PATH = "/api/immigration/policy-updates";
    private static final String SOURCE = "Immigration NZ Operational Manual, Appendix 13";
    private static final String ADMIN = TestInfrastructure.token("ADMIN");
    private static final String EDITOR = TestInfrastructure.token("EDITOR");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    JsonMapper json;

    @Inject
    Clock clock;

    private final String kafka = TestInfrastructure.kafkaBootstrapServers();
    private final TestEvents events = TestEvents.connect(kafka);
    private final TopicProbe policyEvents = TopicProbe.open(kafka, Topics.IMMIGRATION_POLICIES);
    private TestImmigration immigration;

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.serviceProperties("immigration");
    }

    @BeforeAll
    void connect() {
        immigration = new TestImmigration(http, events, json);
    }

    @AfterAll
    void close() {
        events.close();
        policyEvents.close();
    }

    @Test
    void recordingAnUpdateAnswersWithItAndPublishesPolicyUpdated() throws IOException {
        String code = knownOccupation();
        Map<String, Object> body = update(null, change(code, "1"));
        body.put("note", "Community Services Worker moves to Tier 1");

        HttpResponse<Map> created = http.toBlocking().exchange(HttpRequest.POST(PATH, body).bearerAuth(ADMIN), Map.class);

        assertEquals(HttpStatus.CREATED, created.status());
        Map<?, ?> stored = created.body();
        String id = (String) stored.get("id");
        assertEquals(PATH + "/" + id, created.header("Location"));
        assertEquals("NZ", stored.get("country"));
        assertEquals(today().toString(), stored.get("effectiveFrom"), "effectiveFrom defaults to today in NZ");
        assertEquals(SOURCE, stored.get("source"));
        assertEquals("admin@test", stored.get("recordedBy"));
        assertNotNull(stored.get("recordedAt"));
        assertNotNull(stored.get("appliedAt"), "an update effective today is applied at once");
        Map<String, Object> change = new java.util.HashMap<>(Map.of("kind", "GREEN_LIST_TIER", "codeSystem", "ANZSCO",
                "code", code, "value", "1"));
        change.put("key", null);
        change.put("effectiveTo", null);
        assertEquals(List.of(change), stored.get("changes"));
        assertEquals(stored, http.toBlocking().retrieve(HttpRequest.GET(PATH + "/" + id).bearerAuth(ADMIN), Map.class));

        Map<?, ?> audit = audit();
        assertEquals(id, ((Map<?, ?>) ((List<?>) audit.get("items")).get(0)).get("id"), "newest first");

        ConsumerRecord<String, byte[]> record = await().atMost(WAIT)
                .until(() -> policyEvents.recordsWithKey(id), r -> r.size() == 1).get(0);
        assertEquals(EventType.POLICY_UPDATED.type(), TopicProbe.header(record, "ce_type"));
        assertEquals("/careergraph/immigration-service", TopicProbe.header(record, "ce_source"));
        PolicyUpdated event = json.readValue(record.value(), PolicyUpdated.class);
        assertEquals(today(), event.effectiveFrom());
        assertEquals("admin@test", event.recordedBy());
        assertEquals(List.of(new RuleChange("GREEN_LIST_TIER", "ANZSCO", code, "1")), event.changes());
        Map<?, ?> published = json.readValue(record.value(), Map.class);
        Map<?, ?> fixture = json.readValue(EventFixtures.json(EventType.POLICY_UPDATED), Map.class);
        assertTrue(fixture.keySet().containsAll(published.keySet()), "the payload has the contract fixture's fields");
        assertEquals(fixture.keySet().stream().filter(k -> !k.toString().startsWith("withdrawn")).toList(),
                List.copyOf(published.keySet()), "every field but the withdrawal, which is null");
    }

    @Test
    void anUpdateMayReachBackThirtyDaysAndForwardAnyTime() {
        String code = knownOccupation();

        Map<?, ?> late = http.toBlocking().retrieve(HttpRequest.POST(PATH,
                update(today().minusDays(30), change(code, "2"))).bearerAuth(ADMIN), Map.class);
        assertEquals(today().minusDays(30).toString(), late.get("effectiveFrom"));
        assertNotNull(late.get("appliedAt"));

        Map<?, ?> announced = http.toBlocking().retrieve(HttpRequest.POST(PATH,
                update(today().plusYears(1), change(code, null))).bearerAuth(ADMIN), Map.class);
        assertNull(announced.get("appliedAt"), "not applied before its date");
        assertTrue(announced.containsKey("appliedAt"));
        Map<?, ?> removal = (Map<?, ?>) ((List<?>) announced.get("changes")).get(0);
        assertTrue(removal.containsKey("value"));
        assertNull(removal.get("value"), "a null value takes the occupation off the list");
    }

    @Test
    void everyInvalidUpdateIsAProblemAndStoresNothing() {
        String code = knownOccupation();
        String unknown = TestOccupations.uniqueCode();
        long before = total(audit());

        assertRefused("{\"country\": \"NZ\", \"changes\": [", HttpStatus.BAD_REQUEST, null);
        assertRefused(Map.of(), HttpStatus.BAD_REQUEST, List.of("changes", "country", "source"));
        assertRefused(update(null, Map.of()), HttpStatus.BAD_REQUEST, List.of("changes[0].kind"));
        assertRefused(Map.of("country", "NZ", "source", SOURCE, "changes", List.of()), HttpStatus.BAD_REQUEST,
                List.of("changes"));
        assertRefused(Map.of("country", "NZ", "source", SOURCE, "effectiveFrom", "2026-02-30",
                "changes", List.of(change(code, "1"))), HttpStatus.BAD_REQUEST, null);

        Map<String, Object> australia = update(null, change(code, "1"));
        australia.put("country", "AU");
        assertRefused(australia, HttpStatus.UNPROCESSABLE_ENTITY, List.of("country"));

        Map<String, Object> unknownKind = change(code, "1");
        unknownKind.put("kind", "SMC_POINTS");
        assertRefused(update(null, unknownKind), HttpStatus.UNPROCESSABLE_ENTITY, List.of("changes[0].kind"));

        Map<String, Object> unknownSystem = change(code, "1");
        unknownSystem.put("codeSystem", "XYZ");
        assertRefused(update(null, unknownSystem), HttpStatus.UNPROCESSABLE_ENTITY, List.of("changes[0].codeSystem"));

        Map<String, Object> usSystem = change("21-1022", "1");
        usSystem.put("codeSystem", "SOC");
        assertRefused(update(null, usSystem), HttpStatus.UNPROCESSABLE_ENTITY, List.of("changes[0].codeSystem"));

        assertRefused(update(null, change("41121", "1")), HttpStatus.UNPROCESSABLE_ENTITY, List.of("changes[0].code"));

        Map<?, ?> unknownCode = assertRefused(update(null, change(unknown, "1")), HttpStatus.UNPROCESSABLE_ENTITY,
                List.of("changes[0].code"));
        assertTrue(message(unknownCode, "changes[0].code").startsWith("unknown occupation code"),
                message(unknownCode, "changes[0].code"));

        assertRefused(update(null, change(code, "3")), HttpStatus.UNPROCESSABLE_ENTITY, List.of("changes[0].value"));
        assertRefused(update(null, change(code, "Tier 1")), HttpStatus.UNPROCESSABLE_ENTITY,
                List.of("changes[0].value"));

        Map<?, ?> conflicting = assertRefused(update(null, change(code, "1"), change(code, "2")),
                HttpStatus.UNPROCESSABLE_ENTITY, List.of("changes[1].code"));
        assertTrue(message(conflicting, "changes[1].code").startsWith("conflicts with changes[0]"));

        assertRefused(update(today().minusDays(31), change(code, "1")), HttpStatus.UNPROCESSABLE_ENTITY,
                List.of("effectiveFrom"));

        // Read strictly: a date beyond what the database stores, a value of another type, an unknown field, a
        // duplicate key, a line break in a one-line field, and anything after the document.
        Map<String, Object> farFuture = change(code, "1");
        farFuture.put("effectiveTo", "+10000-01-01");
        assertRefused(update(null, farFuture), HttpStatus.BAD_REQUEST, List.of("changes[0].effectiveTo"));
        assertProblem(assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST(PATH + "/preview", update(null, farFuture)).bearerAuth(ADMIN))), HttpStatus.BAD_REQUEST);
        Map<String, Object> typed = change(code, "1");
        typed.put("value", 1);
        assertRefused(update(null, typed), HttpStatus.BAD_REQUEST, List.of("changes[0].value"));
        Map<String, Object> unknownField = new LinkedHashMap<>(update(null, change(code, "1")));
        unknownField.put("urgent", true);
        assertRefused(unknownField, HttpStatus.BAD_REQUEST, List.of("urgent"));
        Map<String, Object> twoLines = new LinkedHashMap<>(update(null, change(code, "1")));
        twoLines.put("source", "https://example.org/\r\nX-Injected: 1");
        assertRefused(twoLines, HttpStatus.BAD_REQUEST, List.of("source"));
        assertRefused("{\"country\":\"NZ\",\"country\":\"AU\"}", HttpStatus.BAD_REQUEST, null);
        assertRefused("{\"country\":\"NZ\"} []", HttpStatus.BAD_REQUEST, null);

        assertEquals(before, total(audit()), "nothing was stored");
        Map<?, ?> status = http.toBlocking().retrieve(HttpRequest.GET(
                "/api/immigration/occupations/" + TestOccupations.id(code) + "/status"), Map.class);
        assertNull(status.get("greenListTier"));
    }

    @Test
    void onlyAdminsRecordAndReadPolicyUpdates() {
        String code = knownOccupation();
        long before = total(audit());

        assertProblem(assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST(PATH, update(null, change(code, "1"))))), HttpStatus.UNAUTHORIZED);
        assertProblem(assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST(PATH, update(null, change(code, "1"))).bearerAuth(EDITOR))),
                HttpStatus.FORBIDDEN);
        String forged = AccessTokens.issue(AccessTokens.newSecret(), "mallory", List.of("ADMIN"), Duration.ofHours(1));
        assertEquals(HttpStatus.UNAUTHORIZED, assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST(PATH, update(null, change(code, "1"))).bearerAuth(forged))).getStatus());

        assertProblem(assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET(PATH))), HttpStatus.UNAUTHORIZED);
        assertProblem(assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET(PATH).bearerAuth(EDITOR))), HttpStatus.FORBIDDEN);

        String announced = (String) http.toBlocking().retrieve(HttpRequest.POST(PATH, update(today().plusDays(30),
                change(code, "1"))).bearerAuth(ADMIN), Map.class).get("id");
        String withdrawal = PATH + "/" + announced + "/withdrawal";
        assertProblem(assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST(withdrawal, Map.of()))), HttpStatus.UNAUTHORIZED);
        assertProblem(assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST(withdrawal, Map.of()).bearerAuth(EDITOR))), HttpStatus.FORBIDDEN);
        assertNull(http.toBlocking().retrieve(HttpRequest.GET(PATH + "/" + announced).bearerAuth(ADMIN), Map.class)
                .get("withdrawnAt"));
        assertEquals(before + 1, total(audit()));
    }

    @Test
    void anUpdateInForceCannotBeWithdrawnAndAWithdrawalIsFinal() {
        String code = knownOccupation();
        String inForce = (String) http.toBlocking().retrieve(HttpRequest.POST(PATH, update(null, change(code, "2")))
                .bearerAuth(ADMIN), Map.class).get("id");
        assertProblem(assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST(PATH + "/" + inForce + "/withdrawal", Map.of()).bearerAuth(ADMIN))), HttpStatus.CONFLICT);

        String announced = (String) http.toBlocking().retrieve(HttpRequest.POST(PATH, update(today().plusDays(5),
                change(code, "1"))).bearerAuth(ADMIN), Map.class).get("id");
        Map<?, ?> withdrawn = http.toBlocking().retrieve(HttpRequest.POST(PATH + "/" + announced + "/withdrawal",
                Map.of()).bearerAuth(ADMIN), Map.class);
        assertNotNull(withdrawn.get("withdrawnAt"));
        assertNull(withdrawn.get("withdrawalReason"));
        assertProblem(assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST(PATH + "/" + announced + "/withdrawal", Map.of()).bearerAuth(ADMIN))),
                HttpStatus.CONFLICT);
        assertProblem(assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST(PATH + "/no-such-update/withdrawal", Map.of()).bearerAuth(ADMIN))), HttpStatus.NOT_FOUND);
    }

    @Test
    void theRulesInForceOnADateArePublicWithTheirSources() {
        Map<?, ?> september = http.toBlocking().retrieve(HttpRequest.GET("/api/immigration/rules?country=nz&at=2025-09-01"),
                Map.class);
        assertEquals("NZ", september.get("country"));
        Map<?, ?> median = ((List<?>) september.get("rules")).stream().map(r -> (Map<?, ?>) r)
                .filter(r -> "MEDIAN_WAGE".equals(r.get("kind")) && "RESIDENCE".equals(r.get("key"))).findFirst()
                .orElseThrow();
        assertEquals("33.56", median.get("value"));
        assertEquals("2025-08-18", median.get("effectiveFrom"));
        assertEquals("initial-rule-set", median.get("recordedBy"));
        assertTrue(median.get("source").toString().startsWith("Immigration NZ: median wage update, 18 August 2025"));
        assertEquals(false, median.get("announced"));
        assertTrue(((List<?>) september.get("upcoming")).stream().map(r -> (Map<?, ?>) r).allMatch(r ->
                Boolean.TRUE.equals(r.get("announced")) && r.get("effectiveFrom").toString().compareTo("2025-09-01") > 0),
                "upcoming: announced rules after the date");

        Map<?, ?> us = http.toBlocking().retrieve(HttpRequest.GET("/api/immigration/rules?country=US&at=2026-04-01"),
                Map.class);
        assertTrue(((List<?>) us.get("rules")).stream().map(r -> (Map<?, ?>) r).anyMatch(r -> "H1B_SELECTION_ENTRIES"
                .equals(r.get("kind")) && "IV".equals(r.get("key")) && "4".equals(r.get("value"))));
        Map<?, ?> bad = assertProblem(assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.GET("/api/immigration/rules?country=XX&at=someday"))), HttpStatus.BAD_REQUEST);
        assertEquals(List.of("country"), fields(bad));

        Map<?, ?> initial = http.toBlocking().retrieve(HttpRequest.GET(PATH + "?country=US&size=100").bearerAuth(ADMIN),
                Map.class);
        assertEquals(4L, ((Number) initial.get("total")).longValue(), "the initial US rule set, in the audit trail");
    }

    @Test
    void theKindsOfChangeAFormMayOfferArePublicAndComeFromTheRuleModel() {
        List<Map<?, ?>> all = ruleKinds("");
        assertEquals(Arrays.stream(RuleKind.values()).map(Enum::name).toList(), all.stream().map(k -> k.get("kind"))
                .toList(), "every kind, in the model's order");
        for (Map<?, ?> kind : all) {
            RuleKind model = RuleKind.valueOf((String) kind.get("kind"));
            assertEquals(model.country().name(), kind.get("country"));
            assertEquals(model.subject().namesOccupation(), kind.containsKey("codeSystem"), "codeSystem: " + kind);
            assertEquals(model.subject().hasKey() ? model.keys() : null, kind.get("keys"), "keys: " + kind);
            assertEquals(Map.of("en", model.descriptionEn(), "zh", model.descriptionZh()), kind.get("description"));
            assertTrue(!model.descriptionEn().isBlank() && !model.descriptionZh().isBlank(), kind.toString());
        }
        assertEquals(Map.of("kind", "GREEN_LIST_TIER", "country", "NZ", "takes", "CODE", "codeSystem", "ANZSCO",
                "value", "tier: one of [1, 2]", "description", Map.of("en", RuleKind.GREEN_LIST_TIER.descriptionEn(),
                        "zh", RuleKind.GREEN_LIST_TIER.descriptionZh())), kind(all, "GREEN_LIST_TIER"));
        Map<?, ?> median = kind(all, "MEDIAN_WAGE");
        assertEquals("KEY", median.get("takes"));
        assertEquals(List.of("RESIDENCE", "AEWV"), median.get("keys"));
        assertEquals("NZD an hour: an amount above 0 and at most 1000, with at most two decimals", median.get("value"));
        assertEquals("NONE", kind(all, "STANDARD_WEEKLY_HOURS").get("takes"));
        Map<?, ?> prevailing = kind(all, "PREVAILING_WAGE");
        assertEquals(List.of("CODE", "SOC", List.of("I", "II", "III", "IV")), List.of(prevailing.get("takes"),
                prevailing.get("codeSystem"), prevailing.get("keys")), "a kind per code and key takes both");

        List<Map<?, ?>> us = ruleKinds("?country=us");
        assertEquals(RuleKind.of(Country.US).stream().map(Enum::name).toList(), us.stream().map(k -> k.get("kind"))
                .toList());
        assertEquals(RuleKind.of(Country.NZ).size(), ruleKinds("?country=NZ").size());
        Map<?, ?> bad = assertProblem(assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.GET("/api/immigration/rule-kinds?country=AU"))), HttpStatus.BAD_REQUEST);
        assertEquals(List.of("country"), fields(bad));
    }

    @Test
    void theStatusOfAnOccupationIsPublicAndNeedsAKnownOccupationAndADate() {
        String code = knownOccupation();
        String status = "/api/immigration/occupations/" + TestOccupations.id(code) + "/status";

        Map<?, ?> off = http.toBlocking().retrieve(HttpRequest.GET(status + "?at=2026-12-01"), Map.class);
        assertEquals(TestOccupations.id(code), off.get("occupationId"));
        assertEquals("NZ", off.get("country"));
        assertEquals("2026-12-01", off.get("at"));
        assertTrue(off.containsKey("greenListTier"), "a null tier is written, not left out");
        assertNull(off.get("greenListTier"));
        Map<?, ?> explanation = (Map<?, ?>) off.get("explanation");
        assertTrue(explanation.get("en").toString().startsWith("Not on the Green List. Skilled Migrant Category: "),
                explanation.toString());
        assertTrue(explanation.get("zh").toString().startsWith("不在綠名單上。技術移民類別："), explanation.toString());

        assertProblem(assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.GET("/api/immigration/occupations/anzsco-000000/status"))), HttpStatus.NOT_FOUND);
        Map<?, ?> badDate = assertProblem(assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.GET(status + "?at=2026-13-01"))), HttpStatus.BAD_REQUEST);
        assertEquals(List.of("at"), fields(badDate));
        Map<?, ?> badCountry = assertProblem(assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.GET(status + "?country=AU"))), HttpStatus.BAD_REQUEST);
        assertEquals(List.of("country"), fields(badCountry));
    }

    @Test
    void anUnknownPolicyUpdateIsNotFound() {
        assertProblem(assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.GET(PATH + "/no-such-update").bearerAuth(ADMIN))), HttpStatus.NOT_FOUND);
    }

    /** The rule kinds, read anonymously. */
    private List<Map<?, ?>> ruleKinds(String query) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/immigration/rule-kinds" + query),
                Argument.listOf(Map.class)).stream().<Map<?, ?>>map(k -> (Map<?, ?>) k).toList();
    }

    private static Map<?, ?> kind(List<Map<?, ?>> kinds, String name) {
        return kinds.stream().filter(k -> name.equals(k.get("kind"))).findFirst().orElseThrow();
    }

    /** Publishes a new occupation as the catalog would and waits until the service knows it; returns its code. */
    private String knownOccupation() {
        return immigration.knownOccupation();
    }

    /** Asserts a refusal; {@code expectedFields} null when the body cannot be read, so no field is to blame. */
    private Map<?, ?> assertRefused(Object body, HttpStatus status, List<String> expectedFields) {
        HttpRequest<?> request = body instanceof String text
                ? HttpRequest.POST(PATH, text).contentType(MediaType.APPLICATION_JSON).bearerAuth(ADMIN)
                : HttpRequest.POST(PATH, body).bearerAuth(ADMIN);
        Map<?, ?> problem = assertProblem(assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(request)), status);
        if (expectedFields != null) {
            assertEquals(expectedFields, fields(problem).stream().sorted().toList(), "fields of " + problem);
        }
        return problem;
    }

    private Map<?, ?> audit() {
        return http.toBlocking().retrieve(HttpRequest.GET(PATH + "?size=100").bearerAuth(ADMIN), Map.class);
    }

    private static long total(Map<?, ?> auditPage) {
        return ((Number) auditPage.get("total")).longValue();
    }

    private LocalDate today() {
        return Country.NZ.today(clock);
    }

    private static Map<String, Object> update(LocalDate effectiveFrom, Map<?, ?>... changes) {
        return TestImmigration.update(effectiveFrom, SOURCE, changes);
    }

    private static Map<String, Object> change(String code, String tier) {
        return TestImmigration.tier(code, tier);
    }
}

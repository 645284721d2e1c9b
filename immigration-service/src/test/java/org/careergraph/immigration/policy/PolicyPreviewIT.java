package org.careergraph.immigration.policy;

import static org.awaitility.Awaitility.await;
import static org.careergraph.immigration.Problems.assertProblem;
import static org.careergraph.immigration.Problems.fields;
import static org.careergraph.immigration.TestImmigration.tier;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.careergraph.events.Topics;
import org.careergraph.immigration.TestImmigration;
import org.careergraph.testsupport.TestOccupations;
import org.careergraph.immigration.occupation.KnownOccupation;
import org.careergraph.immigration.occupation.KnownOccupationRepository;
import org.careergraph.immigration.rules.Country;
import org.careergraph.testsupport.TestEvents;
import org.careergraph.testsupport.TestInfrastructure;
import org.careergraph.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Previewing a policy update: what recording it would change, checked as recording checks it, storing nothing. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicyPreviewIT implements TestPropertyProvider {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** How long "nothing is published" is watched: many outbox relay runs. */
    private static final Duration QUIET = Duration.ofSeconds(2);
    private static final String PATH = "/api/immigration/policy-updates";
    private static final String PREVIEW = PATH + "/preview";
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

    @Inject
    KnownOccupationRepository occupations;

    private final String kafka = TestInfrastructure.kafkaBootstrapServers();
    private final TestEvents events = TestEvents.connect(kafka);
    private final TopicProbe statusEvents = TopicProbe.open(kafka, Topics.IMMIGRATION_STATUSES);
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
        statusEvents.close();
        policyEvents.close();
    }

    @Test
    void aGreenListTierPreviewListsExactlyThatOccupationStoresNothingAndMatchesRecording() throws IOException {
        String named = knownOccupation();
        String other = knownOccupation();
        Map<?, ?> auditBefore = audit();
        int policyRecords = policyEvents.records().size();

        Map<?, ?> preview = preview(update(null, tier(named, "1")));

        assertEquals("NZ", preview.get("country"));
        assertEquals(today().toString(), preview.get("effectiveFrom"), "effectiveFrom defaults to today in NZ");
        assertEquals(false, preview.get("announced"));
        assertEquals(0, preview.get("unchanged"), "the one occupation it names changes");
        List<Map<?, ?>> affected = affected(preview);
        assertEquals(List.of(TestOccupations.id(named)), ids(affected), "exactly the occupation it names");
        Map<?, ?> entry = affected.get(0);
        assertEquals(named, entry.get("code"));
        assertEquals("ANZSCO", entry.get("codeSystem"));
        assertEquals("Community Services Worker", ((Map<?, ?>) entry.get("title")).get("en"));
        assertTrue(((String) ((Map<?, ?>) entry.get("title")).get("zh")).length() > 0);
        Map<?, ?> before = (Map<?, ?>) entry.get("before");
        Map<?, ?> after = (Map<?, ?>) entry.get("after");
        assertTrue(before.containsKey("greenListTier"), "a null tier is written, not left out");
        assertNull(before.get("greenListTier"));
        assertEquals(1, after.get("greenListTier"));
        assertEquals(1, ((Map<?, ?>) after.get("status")).get("greenListTier"));
        assertEquals(status(named, null).get("status"), before.get("status"), "before: the status in force");
        assertTrue(explanation(before, "en").startsWith("Not on the Green List."), explanation(before, "en"));
        assertTrue(explanation(before, "zh").startsWith("不在綠名單上。"), explanation(before, "zh"));
        assertTrue(explanation(after, "en").startsWith("Green List Tier 1 (Straight to Residence) since " + today()
                + "."), explanation(after, "en"));
        assertTrue(explanation(after, "zh").startsWith("綠名單第一級（直接居留），自 " + today() + " 起。"),
                explanation(after, "zh"));
        assertEquals(List.of("GREEN_LIST"), entry.get("changedRoutes"));

        assertEquals(auditBefore, audit(), "no policy update stored");
        assertNull(status(named, null).get("greenListTier"));
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> policyEvents.records().size() == policyRecords
                && statusEvents.recordsWithKey(TestOccupations.id(named)).size() == 1
                && statusEvents.recordsWithKey(TestOccupations.id(other)).size() == 1);

        // Recording the same update publishes what the preview said, through the same calculation.
        String id = record(null, tier(named, "1"));
        Map<?, ?> published = json.readValue(await().atMost(WAIT).until(() -> statusEvents.recordsWithKey(
                TestOccupations.id(named)), r -> r.size() == 2).get(1).value(), Map.class);
        assertEquals(before.get("status"), published.get("before"));
        assertEquals(after.get("status"), published.get("after"));
        await().atMost(WAIT).until(() -> policyEvents.recordsWithKey(id).size() == 1);
    }

    @Test
    void aMedianWagePreviewListsEveryOccupationWhoseStatusMovesSortedById() {
        String code = knownOccupation(); // NZD 67,500 a year = NZD 32.45/h at skill level 4
        knownOccupation();
        List<String> known = occupations.findByCodeSystemIn(List.of("ANZSCO", "NOL")).stream()
                .map(KnownOccupation::id).toList();
        LocalDate day = today().plusDays(50);

        // A median of NZD 20.00: 1.5x = 30.00, so the pay earns 3 SMC income points and meets level 4.
        Map<?, ?> preview = preview(update(day, median("20.00")));

        assertEquals(day.toString(), preview.get("effectiveFrom"));
        assertEquals(true, preview.get("announced"));
        List<Map<?, ?>> affected = affected(preview);
        List<String> ids = ids(affected);
        assertEquals(ids.stream().sorted().toList(), ids, "sorted by occupation id");
        assertTrue(ids.containsAll(known), "a new median moves every NZ occupation's median wage a year: " + ids);
        assertEquals(0, preview.get("unchanged"));
        affected.forEach(a -> assertNotEquals(((Map<?, ?>) a.get("before")).get("status"),
                ((Map<?, ?>) a.get("after")).get("status"), "only occupations whose status moves are listed"));
        Map<?, ?> entry = affected.stream().filter(a -> a.get("occupationId").equals(TestOccupations.id(code)))
                .findFirst().orElseThrow();
        Map<?, ?> before = (Map<?, ?>) ((Map<?, ?>) entry.get("before")).get("status");
        Map<?, ?> after = (Map<?, ?>) ((Map<?, ?>) entry.get("after")).get("status");
        assertEquals(0, before.get("smcIncomePoints"));
        assertEquals(3, after.get("smcIncomePoints"));
        assertEquals(false, before.get("smcEligible"));
        assertEquals(true, after.get("smcEligible"));
        assertEquals(List.of("SMC", "HIGHLY_PAID_WORK_TO_RESIDENCE"), entry.get("changedRoutes"),
                "the Green List (not listed) and AEWV (market rate) read no residence median");

        assertEquals(0, ((Map<?, ?>) status(code, day).get("status")).get("smcIncomePoints"), "nothing stored");
    }

    @Test
    void aFutureDatedPreviewIsAnnouncedAndCountsTheUpdatesAnnouncedBeforeIt() {
        String code = knownOccupation();
        String announced = record(today().plusDays(20), tier(code, "2"));
        LocalDate date = today().plusDays(30);

        Map<?, ?> preview = preview(update(date, tier(code, "1")));

        assertEquals(true, preview.get("announced"));
        assertEquals(date.toString(), preview.get("effectiveFrom"));
        Map<?, ?> entry = affected(preview).get(0);
        assertEquals(2, ((Map<?, ?>) entry.get("before")).get("greenListTier"), "the tier announced for day 20");
        assertEquals(1, ((Map<?, ?>) entry.get("after")).get("greenListTier"));

        Map<?, ?> confirming = preview(update(date, tier(code, "2")));
        assertEquals(List.of(), confirming.get("affected"), "the tier it would have anyway");
        assertEquals(1, confirming.get("unchanged"));
        await().atMost(WAIT).until(() -> policyEvents.recordsWithKey(announced).size() == 1);
    }

    @Test
    void anInvalidUpdateIsRefusedByThePreviewExactlyAsByRecording() {
        String code = knownOccupation();
        long stored = total(audit());
        Map<String, Object> australia = update(null, tier(code, "1"));
        australia.put("country", "AU");
        Map<String, Object> unknownSystem = tier(code, "1");
        unknownSystem.put("codeSystem", "SOC");
        Map<Object, HttpStatus> refusals = new LinkedHashMap<>();
        refusals.put("{\"country\": \"NZ\", \"changes\": [", HttpStatus.BAD_REQUEST);
        refusals.put(Map.of(), HttpStatus.BAD_REQUEST);
        refusals.put(update(null, Map.of()), HttpStatus.BAD_REQUEST);
        refusals.put(Map.of("country", "NZ", "source", SOURCE, "changes", List.of()), HttpStatus.BAD_REQUEST);
        refusals.put(australia, HttpStatus.UNPROCESSABLE_ENTITY);
        refusals.put(update(null, unknownSystem), HttpStatus.UNPROCESSABLE_ENTITY);
        refusals.put(update(null, tier(TestOccupations.uniqueCode(), "1")), HttpStatus.UNPROCESSABLE_ENTITY);
        refusals.put(update(null, tier(code, "3")), HttpStatus.UNPROCESSABLE_ENTITY);
        refusals.put(update(null, tier(code, "1"), tier(code, "2")), HttpStatus.UNPROCESSABLE_ENTITY);
        refusals.put(update(today().minusDays(31), tier(code, "1")), HttpStatus.UNPROCESSABLE_ENTITY);

        refusals.forEach((body, status) -> {
            Map<?, ?> recording = withoutInstance(assertProblem(refusal(PATH, body), status));
            Map<?, ?> previewing = withoutInstance(assertProblem(refusal(PREVIEW, body), status));
            assertEquals(recording, previewing, "the same problem for " + body);
        });
        assertEquals(List.of("changes", "country", "source"),
                fields(assertProblem(refusal(PREVIEW, Map.of()), HttpStatus.BAD_REQUEST)));
        assertEquals(List.of("changes[0].code"), fields(assertProblem(refusal(PREVIEW,
                update(null, tier(TestOccupations.uniqueCode(), "1"))), HttpStatus.UNPROCESSABLE_ENTITY)));
        assertEquals(stored, total(audit()), "nothing stored");
    }

    @Test
    void onlyAdminsPreview() {
        String code = knownOccupation();
        Map<String, Object> body = update(null, tier(code, "1"));

        assertProblem(assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST(PREVIEW, body))), HttpStatus.UNAUTHORIZED);
        assertProblem(assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST(PREVIEW, body).bearerAuth(EDITOR))), HttpStatus.FORBIDDEN);
        assertEquals(1, affected(preview(body)).size());
    }

    /** Publishes a new occupation as the catalog would and waits for its first status; returns its code. */
    private String knownOccupation() {
        return immigration.knownOccupation(statusEvents);
    }

    private Map<?, ?> preview(Map<String, Object> body) {
        return http.toBlocking().retrieve(HttpRequest.POST(PREVIEW, body).bearerAuth(ADMIN), Map.class);
    }

    private String record(LocalDate effectiveFrom, Map<String, Object> change) {
        return immigration.record(update(effectiveFrom, change));
    }

    private HttpClientResponseException refusal(String path, Object body) {
        HttpRequest<?> request = body instanceof String text
                ? HttpRequest.POST(path, text).contentType(MediaType.APPLICATION_JSON).bearerAuth(ADMIN)
                : HttpRequest.POST(path, body).bearerAuth(ADMIN);
        return assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(request));
    }

    /** The problem without {@code instance}, which names the path asked. */
    private static Map<?, ?> withoutInstance(Map<?, ?> problem) {
        Map<Object, Object> rest = new HashMap<>(problem);
        rest.remove("instance");
        return rest;
    }

    private Map<?, ?> status(String code, LocalDate at) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/immigration/occupations/" + TestOccupations.id(code)
                + "/status" + (at == null ? "" : "?at=" + at)), Map.class);
    }

    private Map<?, ?> audit() {
        return http.toBlocking().retrieve(HttpRequest.GET(PATH + "?size=100").bearerAuth(ADMIN), Map.class);
    }

    private static long total(Map<?, ?> auditPage) {
        return ((Number) auditPage.get("total")).longValue();
    }

    private static List<Map<?, ?>> affected(Map<?, ?> preview) {
        return ((List<?>) preview.get("affected")).stream().<Map<?, ?>>map(a -> (Map<?, ?>) a).toList();
    }

    private static List<String> ids(List<Map<?, ?>> affected) {
        return affected.stream().map(a -> (String) a.get("occupationId")).toList();
    }

    private static String explanation(Map<?, ?> side, String language) {
        return (String) ((Map<?, ?>) side.get("explanation")).get(language);
    }

    private LocalDate today() {
        return Country.NZ.today(clock);
    }

    @SafeVarargs
    private static Map<String, Object> update(LocalDate effectiveFrom, Map<String, Object>... changes) {
        return TestImmigration.update(effectiveFrom, SOURCE, changes);
    }


    private static Map<String, Object> median(String value) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("kind", "MEDIAN_WAGE");
        change.put("key", "RESIDENCE");
        change.put("value", value);
        return change;
    }
}

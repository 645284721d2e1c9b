package org.careergraph.immigration.status;

import static org.awaitility.Awaitility.await;
import static org.careergraph.immigration.TestImmigration.tier;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.careergraph.events.EventFixtures;
import org.careergraph.events.EventType;
import org.careergraph.events.ImmigrationStatus;
import org.careergraph.events.ImmigrationStatusChanged;
import org.careergraph.events.Topics;
import org.careergraph.immigration.TestImmigration;
import org.careergraph.testsupport.MovableClock;
import org.careergraph.testsupport.TestOccupations;
import org.careergraph.immigration.occupation.KnownOccupationRepository;
import org.careergraph.immigration.rules.Country;
import org.careergraph.testsupport.TestEvents;
import org.careergraph.testsupport.TestInfrastructure;
import org.careergraph.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusChangesIT implements TestPropertyProvider {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** How long "nothing more is published" is watched: many relay and scheduler runs at test intervals. */
    private static final Duration QUIET = Duration.ofSeconds(2);
    private static final String SOURCE = "Immigration NZ Operational Manual, Appendix 13, amendment circular";
    private static final String ADMIN = TestInfrastructure.token("ADMIN");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    JsonMapper json;

    @Inject
    MovableClock clock;

    @Inject
    KnownOccupationRepository occupations;

    @Inject
    TransactionOperations<Connection> transactions;

    private final String kafka = TestInfrastructure.kafkaBootstrapServers();
    private final TestEvents events = TestEvents.connect(kafka);
    private final TopicProbe statusEvents = TopicProbe.open(kafka, Topics.IMMIGRATION_STATUSES);
    private final TopicProbe policyEvents = TopicProbe.open(kafka, Topics.IMMIGRATION_POLICIES);
    private TestImmigration immigration;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(TestInfrastructure.serviceProperties("immigration"));
        props.put("careergraph.immigration.apply-due-updates-every", "200ms");
        return props;
    }

    @BeforeAll
    void connect() {
        immigration = new TestImmigration(http, events, json);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @AfterAll
    void close() {
        events.close();
        statusEvents.close();
        policyEvents.close();
    }

    @Test
    void anUpdateInForceChangesTheOccupationItNamesAndNoOther() {
        String named = knownOccupation();
        String other = knownOccupation();
        LocalDate twoDaysAgo = today().minusDays(2);

        String first = record(twoDaysAgo, tier(named, "2"));
        ImmigrationStatusChanged added = statusChanges(named, 2).get(1);
        assertEquals(TestOccupations.id(named), added.occupationId());
        assertEquals("NZ", added.country());
        assertEquals(twoDaysAgo, added.effectiveFrom());
        assertNull(added.before().greenListTier());
        assertEquals(2, added.after().greenListTier());
        assertEquals(Boolean.FALSE, added.after().greenListPayMet(), "NZD 32.45/h is under the median threshold");
        assertEquals(withTierAndPay(added.before(), 2, false), added.after(), "nothing else changed");
        assertEquals(first, added.policyUpdateId());
        assertEquals(SOURCE, added.source());
        assertEquals("added to the Green List at Tier 2", added.reason());
        assertEquals("列入綠名單第二級", added.reasonZh());
        assertTrue(fixtureKeys().containsAll(readMap(statusEvents.recordsWithKey(TestOccupations.id(named)).get(1)
                .value()).keySet()), "the payload has the contract fixture's fields");
        await().atMost(WAIT).until(() -> policyEvents.recordsWithKey(first).size() == 1);

        Map<?, ?> status = status(named, null);
        assertEquals(2, status.get("greenListTier"));
        assertEquals(twoDaysAgo.toString(), status.get("since"));
        assertEquals(first, status.get("policyUpdateId"));
        assertEquals(SOURCE, status.get("source"));
        assertEquals(false, status.get("announced"));
        Map<?, ?> explanation = (Map<?, ?>) status.get("explanation");
        assertTrue(((String) explanation.get("en")).startsWith("Green List Tier 2 (Work to Residence) since "
                + twoDaysAgo + "."), explanation.toString());
        assertTrue(((String) explanation.get("zh")).startsWith("綠名單第二級（工作轉居留），自 " + twoDaysAgo + " 起。"),
                explanation.toString());
        assertEquals(List.of("GREEN_LIST", "SMC", "AEWV", "HIGHLY_PAID_WORK_TO_RESIDENCE"),
                ((List<?>) status.get("routes")).stream().map(r -> ((Map<?, ?>) r).get("route")).toList());

        String second = record(today().minusDays(1), tier(named, "1"));
        ImmigrationStatusChanged moved = statusChanges(named, 3).get(2);
        assertEquals(2, moved.before().greenListTier());
        assertEquals(1, moved.after().greenListTier());
        assertEquals(second, moved.policyUpdateId());
        assertEquals("Green List Tier 2 -> Tier 1", moved.reason());
        assertEquals(2, status(named, twoDaysAgo).get("greenListTier"), "the past stays as it was");

        String third = record(null, tier(named, null));
        ImmigrationStatusChanged removed = statusChanges(named, 4).get(3);
        assertEquals(1, removed.before().greenListTier());
        assertNull(removed.after().greenListTier());
        assertEquals(today(), removed.effectiveFrom());
        assertEquals(third, removed.policyUpdateId());
        assertEquals("removed from the Green List", removed.reason());
        assertTrue(((String) ((Map<?, ?>) status(named, null).get("explanation")).get("en"))
                .startsWith("Not on the Green List: removed from " + today() + "."));

        assertExactly(Map.of(named, 4, other, 1));
        assertNull(status(other, null).get("greenListTier"));
    }

    /** The operator's check: every stored status is what the rules in force say, and one that is not is named. */
    @Test
    void theConsistencyCheckFindsAStatusThatAChangeNeverReached() {
        String code = knownOccupation();
        record(today().minusDays(1), tier(code, "2"));
        statusChanges(code, 2);
        String id = TestOccupations.id(code);
        await().atMost(WAIT).until(() -> differing("NZ").isEmpty());

        // As if the update's recomputation had been lost: the stored row still says "not on the list".
        assertEquals(1, (int) transactions.<Integer>executeWrite(tx -> {
            try (Statement sql = tx.getConnection().createStatement()) {
                return sql.executeUpdate("UPDATE occupation_status SET green_list_tier = NULL, since = NULL,"
                        + " policy_update_id = NULL WHERE occupation_id = '" + id + "'");
            }
        }));
        assertEquals(List.of(id), differing("NZ"));
        assertEquals(HttpStatus.FORBIDDEN, assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.GET("/api/immigration/consistency").bearerAuth(TestInfrastructure.token("EDITOR")),
                        List.class)).getStatus());
    }

    private List<?> differing(String country) {
        List<Map> countries = http.toBlocking().retrieve(HttpRequest.GET("/api/immigration/consistency")
                .bearerAuth(ADMIN), Argument.listOf(Map.class));
        Map<?, ?> found = countries.stream().filter(c -> country.equals(c.get("country"))).findFirst().orElseThrow();
        assertEquals(today().toString(), found.get("on"));
        return (List<?>) found.get("examples");
    }

    @Test
    void confirmingTheTierAnOccupationHasPublishesNoStatusChange() {
        String code = knownOccupation();
        LocalDate yesterday = today().minusDays(1);
        String first = record(yesterday, tier(code, "1"));
        statusChanges(code, 2);

        String again = record(null, tier(code, "1"));
        await().atMost(WAIT).until(() -> policyEvents.recordsWithKey(again).size() == 1);

        assertExactly(Map.of(code, 2));
        Map<?, ?> status = status(code, null);
        assertEquals(1, status.get("greenListTier"));
        assertEquals(yesterday.toString(), status.get("since"), "the tier has held since the first update");
        assertEquals(first, status.get("policyUpdateId"));
    }

    @Test
    void anUpdateForALaterDateChangesNothingUntilTheDateComesThenExactlyWhatItNames() {
        String first = knownOccupation();
        String second = knownOccupation();
        String untouched = knownOccupation();
        LocalDate date = today().plusDays(10);

        String announced = record(date, tier(first, "1"), tier(second, "2"));
        assertNull(status(first, null).get("greenListTier"), "not in force today");
        Map<?, ?> onTheDate = status(first, date);
        assertEquals(1, onTheDate.get("greenListTier"), "the announced tier on its date");
        assertEquals(true, onTheDate.get("announced"));
        assertEquals(date.toString(), onTheDate.get("since"));

        clock.moveTo(date.minusDays(1).atTime(23, 59), Country.NZ.zone());
        assertExactly(Map.of(first, 1, second, 1));
        assertNull(policyUpdate(announced).get("appliedAt"));

        clock.moveTo(date.atTime(LocalTime.of(0, 1)), Country.NZ.zone());
        ImmigrationStatusChanged firstChange = statusChanges(first, 2).get(1);
        assertEquals(1, firstChange.after().greenListTier());
        assertEquals(date, firstChange.effectiveFrom());
        assertEquals(announced, firstChange.policyUpdateId());
        assertEquals(2, statusChanges(second, 2).get(1).after().greenListTier());
        assertNotNull(policyUpdate(announced).get("appliedAt"));
        assertEquals(false, status(first, null).get("announced"));

        assertExactly(Map.of(first, 2, second, 2, untouched, 1));
    }

    @Test
    void updatesThatTakeEffectTheSameDayAreAppliedTogetherWithoutAStepBetween() {
        String code = knownOccupation();
        LocalDate date = today().plusDays(12);
        record(date, tier(code, "1"));
        String later = record(date, tier(code, "2"));

        clock.moveTo(date.atTime(LocalTime.of(0, 1)), Country.NZ.zone());
        ImmigrationStatusChanged change = statusChanges(code, 2).get(1);
        assertEquals(2, change.after().greenListTier(), "the later recorded of the two is in force");
        assertEquals(later, change.policyUpdateId());
        assertExactly(Map.of(code, 2));
    }

    @Test
    void aSettingChangeMovesEveryOccupationWhoseStatusItChangesAndItsEndHandsBack() {
        String code = knownOccupation(); // NZD 67,500 a year = NZD 32.45/h at skill level 4
        LocalDate day = today().plusDays(40);
        // For one day, a median of NZD 20.00: 1.5x = 30.00, so the pay earns 3 SMC income points and meets level 4.
        Map<String, Object> median = new LinkedHashMap<>();
        median.put("kind", "MEDIAN_WAGE");
        median.put("key", "RESIDENCE");
        median.put("value", "20.00");
        median.put("effectiveTo", day.toString());
        String update = record(day, median);
        assertEquals(0, ((Map<?, ?>) status(code, null).get("status")).get("smcIncomePoints"));
        assertEquals(3, ((Map<?, ?>) status(code, day).get("status")).get("smcIncomePoints"), "announced for the day");

        clock.moveTo(day.atTime(LocalTime.of(0, 1)), Country.NZ.zone());
        ImmigrationStatusChanged started = statusChanges(code, 2).get(1);
        assertEquals(0, started.before().smcIncomePoints());
        assertEquals(3, started.after().smcIncomePoints());
        assertEquals(Boolean.TRUE, started.after().smcEligible());
        assertEquals(update, started.policyUpdateId());
        assertEquals(day, started.effectiveFrom());
        assertEquals("SMC wage rule met: no -> yes; SMC income points 0 -> 3; median wage a year NZD 72,800 -> NZD "
                + "41,600", started.reason(), "20.00 x 40 h x 52 weeks");

        clock.moveTo(day.plusDays(1).atTime(LocalTime.of(0, 1)), Country.NZ.zone());
        ImmigrationStatusChanged ended = statusChanges(code, 3).get(2);
        assertEquals(0, ended.after().smcIncomePoints());
        assertEquals(update, ended.policyUpdateId());
        assertEquals(day.plusDays(1), ended.effectiveFrom());
        assertEquals("SMC wage rule met: yes -> no; SMC income points 3 -> 0; median wage a year NZD 41,600 -> NZD "
                + "72,800 (a rule in force until " + day + " ended)", ended.reason());
        assertExactly(Map.of(code, 3));
    }

    @Test
    void aWithdrawnUpdateNeverTakesEffect() {
        String code = knownOccupation();
        LocalDate date = today().plusDays(20);
        String announced = record(date, tier(code, "1"));
        var withdrawn = http.toBlocking().exchange(HttpRequest.POST("/api/immigration/policy-updates/" + announced
                + "/withdrawal", Map.of("reason", "announcement corrected")).bearerAuth(ADMIN), Map.class);
        assertEquals("admin@test", withdrawn.body().get("withdrawnBy"));
        assertEquals("announcement corrected", withdrawn.body().get("withdrawalReason"));
        await().atMost(WAIT).until(() -> policyEvents.recordsWithKey(announced).size() == 2);
        assertNull(status(code, date).get("greenListTier"), "no longer announced");

        clock.moveTo(date.atTime(LocalTime.of(0, 1)), Country.NZ.zone());
        assertExactly(Map.of(code, 1));
        assertNull(policyUpdate(announced).get("appliedAt"));
    }

    @Test
    void aRedeliveredOccupationChangedChangesNothing() {
        String code = TestOccupations.uniqueCode();
        String id = TestOccupations.id(code);
        String eventId = events.publish(EventType.OCCUPATION_CHANGED, id,
                TestOccupations.occupationChanged(json, id, code, 1, "Community Services Worker"));
        awaitKnown(id);
        record(null, tier(code, "1"));
        statusChanges(code, 2);

        // The same CloudEvents id again, with a payload that would move the occupation to an unlisted code if it
        // were handled: a status change would follow.
        events.publish(eventId, EventType.OCCUPATION_CHANGED, id, TestOccupations.occupationChanged(json, id,
                TestOccupations.uniqueCode(), 2, "Redelivered"));
        // A later event on the same partition: once it is applied, the redelivery has been consumed.
        events.publish(EventType.OCCUPATION_CHANGED, id,
                TestOccupations.occupationChanged(json, id, code, 3, "After the redelivery"));
        await().atMost(WAIT).until(() -> occupations.findById(id)
                .map(o -> o.titleEn().equals("After the redelivery")).orElse(false));

        assertExactly(Map.of(code, 2));
        assertEquals(1, status(code, null).get("greenListTier"));
    }

    @Test
    void anOccupationWhoseCodeChangesTakesTheStatusOfItsNewCode() {
        String code = knownOccupation();
        String listed = knownOccupation();
        record(null, tier(listed, "2"));
        statusChanges(listed, 2);
        String id = TestOccupations.id(code);

        events.publish(EventType.OCCUPATION_CHANGED, id,
                TestOccupations.occupationChanged(json, id, listed, 2, "Recoded"));

        ImmigrationStatusChanged recoded = statusChanges(code, 2).get(1);
        assertEquals(2, recoded.after().greenListTier());
        assertEquals(SOURCE, recoded.source());
        assertEquals("added to the Green List at Tier 2 (catalog revision 2)", recoded.reason());
    }

    @Test
    void theCatalogsFiguresDecideTheRoutesAndWhatIsMissingIsSaid() {
        // An ANZSCO occupation as the release gives it: ANZSCO's skill level, and no pay (ANZSCO publishes none).
        String code = TestOccupations.uniqueCode();
        String anzscoId = TestOccupations.id(code);
        publishOccupation(anzscoId, 1, Map.of("code", code, "skillLevel", 2, "salaryBands", List.of()));
        ImmigrationStatus nz = statusChanges(code, 1).get(0).after();
        assertNull(nz.smcEligible());
        assertNull(nz.smcIncomePoints());
        assertNull(nz.aewvEligible());
        assertNull(nz.highlyPaidResidence());
        Map<?, ?> smc = route(statusOf(anzscoId, null), "SMC");
        assertEquals("UNKNOWN", smc.get("state"));
        assertNull(smc.get("open"));
        assertEquals("NO_PAY_FIGURE", smc.get("unknownBecause"));
        String smcText = (String) ((Map<?, ?>) smc.get("explanation")).get("en");
        assertTrue(smcText.startsWith("Unknown: no pay figure. Skilled Migrant Category: a job at ANZSCO skill level 2"
                + " must pay at least"), smcText);

        // A SOC occupation with only an O*NET job zone; then BLS's entry education; then neither.
        String soc = code.substring(0, 2) + "-" + code.substring(2);
        String socId = "soc-" + soc;
        publishOccupation(socId, 1, Map.of("codeSystem", "SOC", "code", soc, "salaryBands", List.of(),
                "published", Map.of("jobZone", 4, "jobZoneRelease", "O*NET 30.1")));
        assertEquals(List.of("H1B", "EB2", "PERM"), statusChangesOf(socId, 1).get(0).after().usRoutes());
        Map<?, ?> h1b = route(statusOf(socId, "US"), "H1B");
        assertEquals("OPEN", h1b.get("state"));
        assertTrue(((String) ((Map<?, ?>) h1b.get("explanation")).get("en")).contains("its job zone is 4 (considerable preparation needed: most need a bachelor's degree; O*NET 30.1)"));

        publishOccupation(socId, 2, Map.of("codeSystem", "SOC", "code", soc, "salaryBands", List.of(),
                "published", Map.of("jobZone", 4, "entryEducation", "High school diploma or equivalent",
                        "projectionsRelease", "BLS Employment Projections 2023-33")));
        ImmigrationStatusChanged noDegree = statusChangesOf(socId, 2).get(1);
        assertEquals(List.of("PERM"), noDegree.after().usRoutes());
        assertEquals("US routes [H1B, EB2, PERM] -> [PERM] (catalog revision 2)", noDegree.reason());

        publishOccupation(socId, 3, Map.of("codeSystem", "SOC", "code", soc, "salaryBands", List.of(),
                "published", Map.of()));
        ImmigrationStatusChanged unknown = statusChangesOf(socId, 3).get(2);
        assertEquals(List.of("PERM"), unknown.after().usRoutes());
        assertEquals(List.of("H1B", "EB2"), unknown.after().usRoutesUnknown());
        assertEquals("US routes not known [] -> [H1B, EB2] (catalog revision 3)", unknown.reason());
        Map<?, ?> unknownH1b = route(statusOf(socId, "US"), "H1B");
        assertEquals("UNKNOWN", unknownH1b.get("state"));
        assertEquals("NO_EDUCATION_FIGURE", unknownH1b.get("unknownBecause"));
    }

    private static ImmigrationStatus withTierAndPay(ImmigrationStatus s, Integer tier, Boolean payMet) {
        return new ImmigrationStatus(tier, payMet, s.smcEligible(), s.smcIncomePoints(), s.aewvEligible(),
                s.highlyPaidResidence(), s.usRoutes(), s.h1bSelectionEntries(), s.medianWage());
    }

    private String knownOccupation() {
        String code = immigration.knownOccupation(statusEvents); // its first status: SMC and AEWV at its pay
        awaitKnown(TestOccupations.id(code));
        return code;
    }

    private void awaitKnown(String id) {
        await().atMost(WAIT).until(() -> occupations.existsById(id));
    }

    /** Records a Green List update and returns its id. */
    @SafeVarargs
    private String record(LocalDate effectiveFrom, Map<String, Object>... changes) {
        return immigration.record(TestImmigration.update(effectiveFrom, SOURCE, changes));
    }


    private Map<?, ?> policyUpdate(String id) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/immigration/policy-updates/" + id).bearerAuth(ADMIN),
                Map.class);
    }

    private Map<?, ?> status(String code, LocalDate at) {
        String path = "/api/immigration/occupations/" + TestOccupations.id(code) + "/status"
                + (at == null ? "" : "?at=" + at);
        return http.toBlocking().retrieve(HttpRequest.GET(path), Map.class);
    }

    private List<ImmigrationStatusChanged> statusChanges(String code, int atLeast) {
        return statusChangesOf(TestOccupations.id(code), atLeast);
    }

    private List<ImmigrationStatusChanged> statusChangesOf(String id, int atLeast) {
        return await().atMost(WAIT).until(() -> statusEvents.recordsWithKey(id), r -> r.size() >= atLeast).stream()
                .map(r -> read(r.value())).toList();
    }

    /** The fixture's {@code occupation changed} about {@code id}, its facts changed as {@code facts} says. */
    @SuppressWarnings("unchecked")
    private void publishOccupation(String id, int revision, Map<String, Object> facts) {
        Map<String, Object> event = new LinkedHashMap<>((Map<String, Object>) readMap(TestOccupations
                .occupationChanged(json, id, "000000", revision, "Published figures").getBytes(StandardCharsets.UTF_8)));
        Map<String, Object> occupation = new LinkedHashMap<>((Map<String, Object>) event.get("occupation"));
        occupation.putAll(facts);
        event.put("occupation", occupation);
        try {
            events.publish(EventType.OCCUPATION_CHANGED, id, json.writeValueAsString(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<?, ?> statusOf(String id, String country) {
        String path = "/api/immigration/occupations/" + id + "/status" + (country == null ? "" : "?country=" + country);
        return http.toBlocking().retrieve(HttpRequest.GET(path), Map.class);
    }

    private static Map<?, ?> route(Map<?, ?> status, String name) {
        return ((List<?>) status.get("routes")).stream().map(r -> (Map<?, ?>) r).filter(r -> name.equals(r.get("route")))
                .findFirst().orElseThrow();
    }

    /** Exactly so many status changes per code, now and for a while. */
    private void assertExactly(Map<String, Integer> countByCode) {
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> countByCode.entrySet().stream()
                .allMatch(c -> statusEvents.recordsWithKey(TestOccupations.id(c.getKey())).size() == c.getValue()));
    }

    private ImmigrationStatusChanged read(byte[] value) {
        try {
            return json.readValue(value, ImmigrationStatusChanged.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Set<?> fixtureKeys() {
        return readMap(EventFixtures.json(EventType.IMMIGRATION_STATUS_CHANGED).getBytes(StandardCharsets.UTF_8))
                .keySet();
    }

    private Map<?, ?> readMap(byte[] value) {
        try {
            return json.readValue(value, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private LocalDate today() {
        return Country.NZ.today(clock);
    }
}

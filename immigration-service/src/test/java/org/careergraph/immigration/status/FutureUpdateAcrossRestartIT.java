package org.careergraph.immigration.status;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.careergraph.events.EventType;
import org.careergraph.events.ImmigrationStatusChanged;
import org.careergraph.events.Topics;
import org.careergraph.testsupport.MovableClock;
import org.careergraph.testsupport.TestOccupations;
import org.careergraph.immigration.rules.Country;
import org.careergraph.security.AccessTokens;
import org.careergraph.testsupport.TestEvents;
import org.careergraph.testsupport.TestInfrastructure;
import org.careergraph.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;

/** An update announced for a later date is applied on its date by a service that was restarted in between. */
class FutureUpdateAcrossRestartIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration QUIET = Duration.ofSeconds(2);
    private final String kafka = TestInfrastructure.kafkaBootstrapServers();
    private final Map<String, Object> properties = properties();

    @Test
    void theUpdateChangesNothingBeforeItsDateThenExactlyWhatItNamesAfterARestart() {
        String named = TestOccupations.uniqueCode();
        String other = TestOccupations.uniqueCode();
        LocalDate date;
        try (TopicProbe statuses = TopicProbe.open(kafka, Topics.IMMIGRATION_STATUSES);
             TestEvents events = TestEvents.connect(kafka)) {
            try (EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, properties)) {
                JsonMapper json = first.getApplicationContext().getBean(JsonMapper.class);
                for (String code : List.of(named, other)) {
                    String id = TestOccupations.id(code);
                    events.publish(EventType.OCCUPATION_CHANGED, id,
                            TestOccupations.occupationChanged(json, id, code, 1, "Occupation " + code));
                    await().atMost(WAIT).until(() -> statuses.recordsWithKey(id).size() == 1);
                }
                date = Country.NZ.today(first.getApplicationContext().getBean(MovableClock.class)).plusDays(15);
                String admin = AccessTokens.issue(TestInfrastructure.jwtSecret(), "admin@test", List.of("ADMIN"),
                        Duration.ofHours(1));
                try (HttpClient http = HttpClient.create(first.getURL())) {
                    http.toBlocking().exchange(HttpRequest.POST("/api/immigration/policy-updates", Map.of(
                            "country", "NZ", "effectiveFrom", date.toString(), "source", "Appendix 13 circular",
                            "changes", List.of(Map.of("kind", "GREEN_LIST_TIER", "codeSystem", "ANZSCO",
                                    "code", named, "value", "1")))).bearerAuth(admin));
                }
                first.getApplicationContext().getBean(MovableClock.class).moveTo(date.minusDays(1).atTime(
                        LocalTime.NOON), Country.NZ.zone());
                assertCounts(statuses, Map.of(named, 1, other, 1));
            }

            try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, properties)) {
                second.getApplicationContext().getBean(MovableClock.class).moveTo(date.atTime(LocalTime.of(0, 5)),
                        Country.NZ.zone());
                JsonMapper json = second.getApplicationContext().getBean(JsonMapper.class);
                await().atMost(WAIT).until(() -> statuses.recordsWithKey(TestOccupations.id(named)).size() == 2);
                ImmigrationStatusChanged change = read(json, statuses.recordsWithKey(TestOccupations.id(named))
                        .get(1).value());
                assertEquals(1, change.after().greenListTier());
                assertEquals(date, change.effectiveFrom());
                assertCounts(statuses, Map.of(named, 2, other, 1));
            }
        }
    }

    private static void assertCounts(TopicProbe statuses, Map<String, Integer> countByCode) {
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> countByCode.entrySet().stream().allMatch(
                c -> statuses.recordsWithKey(TestOccupations.id(c.getKey())).size() == c.getValue()));
    }

    private static ImmigrationStatusChanged read(JsonMapper json, byte[] value) {
        try {
            return json.readValue(value, ImmigrationStatusChanged.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> properties() {
        Map<String, Object> props = new HashMap<>(TestInfrastructure.serviceProperties("immigration"));
        props.put("careergraph.immigration.apply-due-updates-every", "200ms");
        return props;
    }
}

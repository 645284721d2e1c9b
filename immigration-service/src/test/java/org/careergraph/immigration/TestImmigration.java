package org.careergraph.immigration;

import org.careergraph.testsupport.TestOccupations;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.careergraph.events.EventType;
import org.careergraph.testsupport.TestEvents;
import org.careergraph.testsupport.TestInfrastructure;
import org.careergraph.testsupport.TopicProbe;

/**
 * What the immigration ITs set up alike against a running service: an occupation published as the catalog would
 * (a fresh code, see {@link TestOccupations}) and awaited until it has a status, and a policy update recorded as an
 * admin, from a body built here.
 */
public final class TestImmigration {

    public static final String POLICY_UPDATES = "/api/immigration/policy-updates";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ADMIN = TestInfrastructure.token("ADMIN");

    private final HttpClient http;
    private final TestEvents events;
    private final JsonMapper json;

    public TestImmigration(HttpClient http, TestEvents events, JsonMapper json) {
        this.http = http;
        this.events = events;
        this.json = json;
    }

    /** A new occupation, published and awaited until its status is served; returns its code. */
    public String knownOccupation() {
        String code = publishOccupation();
        String id = TestOccupations.id(code);
        await().atMost(WAIT).ignoreExceptions().until(() -> http.toBlocking()
                .exchange(HttpRequest.GET("/api/immigration/occupations/" + id + "/status")).status() == HttpStatus.OK);
        return code;
    }

    /** A new occupation, published and awaited until its first status is on {@code statuses}; returns its code. */
    public String knownOccupation(TopicProbe statuses) {
        String code = publishOccupation();
        await().atMost(WAIT).until(() -> statuses.recordsWithKey(TestOccupations.id(code)).size() == 1);
        return code;
    }

    private String publishOccupation() {
        String code = TestOccupations.uniqueCode();
        String id = TestOccupations.id(code);
        events.publish(EventType.OCCUPATION_CHANGED, id,
                TestOccupations.occupationChanged(json, id, code, 1, "Community Services Worker"));
        return code;
    }

    /** Records the update as an admin (201) and returns its id. */
    public String record(Map<String, Object> update) {
        var created = http.toBlocking().exchange(HttpRequest.POST(POLICY_UPDATES, update).bearerAuth(ADMIN), Map.class);
        assertEquals(HttpStatus.CREATED, created.status());
        return (String) created.body().get("id");
    }

    /** A New Zealand update from {@code source}; without {@code effectiveFrom} (null) it takes effect today. */
    public static Map<String, Object> update(LocalDate effectiveFrom, String source, Map<?, ?>... changes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("country", "NZ");
        if (effectiveFrom != null) {
            body.put("effectiveFrom", effectiveFrom.toString());
        }
        body.put("source", source);
        body.put("changes", List.of(changes));
        return body;
    }

    /** A change to the Green List tier of an ANZSCO code; a null tier takes it off the list. */
    public static Map<String, Object> tier(String code, String tier) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("kind", "GREEN_LIST_TIER");
        change.put("codeSystem", "ANZSCO");
        change.put("code", code);
        change.put("value", tier);
        return change;
    }
}

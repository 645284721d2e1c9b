package org.careergraph.immigration.status;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.careergraph.events.EventType;
import org.careergraph.testsupport.ServiceTest;
import org.careergraph.testsupport.TestEvents;
import org.careergraph.testsupport.TestInfrastructure;
import org.careergraph.testsupport.TestOccupations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * An occupation's recomputation and a writer of one country's rules (the initial rule set at start, a policy update, a
 * new day) must not wait on each other: the writer holds its rule set and inserts statuses, so a recomputation that
 * locked a status (or the gap where one goes) and then waits for that rule set closes a deadlock, and the database
 * rolls one back (at start it could be the initial rule set). Here a connection plays the writer of the US rules, the
 * last country a recomputation locks; the scheduled run is kept out of the way, so that the one transaction waiting
 * is the recomputation.
 */
@MicronautTest(transactional = false)
class LockOrderIT extends ServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    JsonMapper json;

    @Value("${datasources.default.url}")
    String databaseUrl;

    private final TestEvents events = TestEvents.connect(TestInfrastructure.kafkaBootstrapServers());

    LockOrderIT() {
        super("immigration_locks");
    }

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("careergraph.immigration.apply-due-updates-every", "1h");
    }

    @AfterAll
    void close() {
        events.close();
    }

    @Test
    void aRecomputationWaitingForARuleSetHoldsNoStatusLock() throws SQLException {
        String code = TestOccupations.uniqueCode();
        String id = TestOccupations.id(code);
        try (Connection usRules = connect(); Connection statuses = connect()) {
            usRules.setAutoCommit(false);
            try (Statement lock = usRules.createStatement()) {
                lock.executeQuery("SELECT country FROM rule_set WHERE country = 'US' FOR UPDATE").close();
            }
            events.publish(EventType.OCCUPATION_CHANGED, id,
                    TestOccupations.occupationChanged(json, id, code, 1, "Community Services Worker"));
            await().atMost(WAIT).until(() -> waitingForALock(statuses));

            // What the US writer does next: a status. Refused after a second if the recomputation holds its gap.
            try (Statement write = statuses.createStatement()) {
                write.execute("SET SESSION innodb_lock_wait_timeout = 1");
                assertEquals(1, write.executeUpdate("INSERT INTO occupation_status (occupation_id, country, updated_at)"
                        + " VALUES ('" + id + "', 'US', NOW(3))"), "the status written while the occupation waits");
                write.executeUpdate("DELETE FROM occupation_status WHERE occupation_id = '" + id + "'"
                        + " AND country = 'US'");
            }
            usRules.commit();
        }
        await().atMost(WAIT).ignoreExceptions().until(() -> http.toBlocking()
                .exchange(HttpRequest.GET("/api/immigration/occupations/" + id + "/status")).status() == HttpStatus.OK);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(databaseUrl, TestInfrastructure.dbUsername(),
                TestInfrastructure.dbPassword());
    }

    /** Whether a transaction on this test's database waits for a lock (the server may hold other tests' too). */
    private static boolean waitingForALock(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*)"
                + " FROM information_schema.INNODB_TRX t"
                + " JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id"
                + " WHERE t.trx_state = 'LOCK WAIT' AND p.DB = DATABASE()");
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getInt(1) > 0;
        }
    }
}

package org.careergraph.notification.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.careergraph.testsupport.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

/**
 * V9 on payloads that earlier versions stored with who made the change: on the real database, each keeps every other
 * field, loses recordedBy, changedBy and withdrawnBy, and a release's name moves to its column; nothing else changes.
 */
class PayloadMigrationIT {

    private static final String RELEASE = "{\"occupationId\":\"anzsco-411215\",\"revision\":3,"
            + "\"changedBy\":\"release: O*NET 30.1\",\"changedAt\":\"2026-12-01T00:00:00Z\"}";
    private static final String EDIT = "{\"occupationId\":\"anzsco-411215\",\"revision\":4,"
            + "\"changedBy\":\"editor@test\",\"changedAt\":\"2026-12-02T00:00:00Z\"}";
    private static final String WITHDRAWN = "{\"policyUpdateId\":\"p1\",\"country\":\"NZ\","
            + "\"recordedBy\":\"admin@test\",\"withdrawnBy\":\"admin@test\",\"note\":\"typo\"}";
    private static final String SCORE = "{\"occupationId\":\"anzsco-411215\",\"reason\":\"model 2\"}";

    @Test
    void oldPayloadsLoseTheirAuthorsAndKeepTheRest() throws SQLException {
        String url = TestInfrastructure.jdbcUrl(TestInfrastructure.uniqueId("notification_v9").replace('-', '_'));
        // As the service does: the platform's tables first (PlatformSchema), then its own (V10 reads latest_revision).
        Flyway.configure().dataSource(url, TestInfrastructure.dbUsername(), TestInfrastructure.dbPassword())
                .locations("classpath:db/platform").table("platform_schema_history").load().migrate();
        flyway(url).target("8").load().migrate();
        try (Connection connection = connect(url)) {
            insert(connection, "release", RELEASE);
            insert(connection, "edit", EDIT);
            insert(connection, "withdrawn", WITHDRAWN);
            insert(connection, "score", SCORE);
        }

        flyway(url).load().migrate();

        try (Connection connection = connect(url)) {
            Map<String, String[]> rows = rows(connection);
            assertEquals(4, rows.size(), "no row lost");
            assertEquals("O*NET 30.1", rows.get("release")[1]);
            assertNull(rows.get("edit")[1], "an editor's change has no release");
            assertNull(rows.get("withdrawn")[1]);
            for (String id : rows.keySet()) {
                String payload = rows.get(id)[0];
                assertFalse(payload.contains("recordedBy") || payload.contains("changedBy")
                        || payload.contains("withdrawnBy"), id + ": " + payload);
            }
            assertTrue(rows.get("release")[0].contains("\"revision\": 3")
                    || rows.get("release")[0].contains("\"revision\":3"), rows.get("release")[0]);
            assertTrue(rows.get("withdrawn")[0].contains("typo") && rows.get("withdrawn")[0].contains("NZ"),
                    rows.get("withdrawn")[0]);
            assertEquals(SCORE, rows.get("score")[0], "a payload without authors is left as it was");
        }
    }

    private static FluentConfiguration flyway(String url) {
        return Flyway.configure().dataSource(url, TestInfrastructure.dbUsername(), TestInfrastructure.dbPassword())
                .locations("classpath:db/migration").baselineOnMigrate(true).baselineVersion("0");
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, TestInfrastructure.dbUsername(), TestInfrastructure.dbPassword());
    }

    private static void insert(Connection connection, String id, String payload) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO change_event"
                + " (event_id, event_type, payload, received_at) VALUES (?, 'test', ?, CURRENT_TIMESTAMP(3))")) {
            insert.setString(1, id);
            insert.setString(2, payload);
            insert.executeUpdate();
        }
    }

    private static Map<String, String[]> rows(Connection connection) throws SQLException {
        Map<String, String[]> rows = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT event_id, payload, release_name FROM change_event");
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                rows.put(result.getString(1), new String[] {result.getString(2), result.getString(3)});
            }
        }
        return rows;
    }
}

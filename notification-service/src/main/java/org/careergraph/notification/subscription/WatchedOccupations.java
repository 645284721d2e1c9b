package org.careergraph.notification.subscription;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The occupations each subscription watches (table subscription_occupation), which matching joins against. */
@Singleton
class WatchedOccupations {

    private final JdbcOperations jdbc;

    WatchedOccupations(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** One statement for all of them. Requires the caller's transaction, which also saved the subscription. */
    void watch(String subscriptionId, List<String> occupationIds) {
        if (occupationIds.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO subscription_occupation (subscription_id, occupation_id) VALUES "
                + String.join(", ", Collections.nCopies(occupationIds.size(), "(?, ?)"));
        jdbc.prepareStatement(sql, statement -> {
            int i = 0;
            for (String occupationId : occupationIds) {
                statement.setString(++i, subscriptionId);
                statement.setString(++i, occupationId);
            }
            return statement.executeUpdate();
        });
    }

    List<String> of(String subscriptionId) {
        return jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT occupation_id "
                    + "FROM subscription_occupation WHERE subscription_id = ? ORDER BY occupation_id")) {
                statement.setString(1, subscriptionId);
                List<String> ids = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
                return ids;
            }
        });
    }
}

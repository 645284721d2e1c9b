package org.careergraph.notification.subscription;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The code prefixes each subscription watches (table subscription_code_prefix), which matching joins against. */
@Singleton
class WatchedCodePrefixes {

    private final JdbcOperations jdbc;

    WatchedCodePrefixes(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** One statement for all of them. Requires the caller's transaction, which also saved the subscription. */
    void watch(String subscriptionId, List<CodePrefix> prefixes) {
        if (prefixes.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO subscription_code_prefix (subscription_id, code_system, prefix) VALUES "
                + String.join(", ", Collections.nCopies(prefixes.size(), "(?, ?, ?)"));
        jdbc.prepareStatement(sql, statement -> {
            int i = 0;
            for (CodePrefix prefix : prefixes) {
                statement.setString(++i, subscriptionId);
                statement.setString(++i, prefix.codeSystem());
                statement.setString(++i, prefix.prefix());
            }
            return statement.executeUpdate();
        });
    }

    List<CodePrefix> of(String subscriptionId) {
        return jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT code_system, prefix "
                    + "FROM subscription_code_prefix WHERE subscription_id = ? ORDER BY code_system, prefix")) {
                statement.setString(1, subscriptionId);
                List<CodePrefix> prefixes = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        prefixes.add(new CodePrefix(rs.getString(1), rs.getString(2)));
                    }
                }
                return prefixes;
            }
        });
    }
}

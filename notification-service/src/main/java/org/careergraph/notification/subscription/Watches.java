package org.careergraph.notification.subscription;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What each subscription watches besides every Green List change: occupations by id, code prefixes and countries,
 * in the tables the fan-out joins against (subscription_occupation, subscription_code_prefix, subscription_country).
 */
@Singleton
class Watches {

    /** One subscription's watches, each list sorted and without repeats. */
    record Of(List<String> occupationIds, List<CodePrefix> codePrefixes, List<String> countries) {

        boolean isEmpty() {
            return occupationIds.isEmpty() && codePrefixes.isEmpty() && countries.isEmpty();
        }
    }

    private final JdbcOperations jdbc;

    Watches(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces what the subscription watches, one statement per table. Requires the caller's transaction. */
    void replace(String subscriptionId, Of watches) {
        jdbc.execute(connection -> {
            for (String table : List.of("subscription_occupation", "subscription_code_prefix", "subscription_country")) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM " + table + " WHERE subscription_id = ?")) {
                    delete.setString(1, subscriptionId);
                    delete.executeUpdate();
                }
            }
            insert(connection, "subscription_occupation (subscription_id, occupation_id)", subscriptionId,
                    watches.occupationIds().stream().map(List::of).toList());
            insert(connection, "subscription_code_prefix (subscription_id, code_system, prefix)", subscriptionId,
                    watches.codePrefixes().stream().map(p -> List.of(p.codeSystem(), p.prefix())).toList());
            insert(connection, "subscription_country (subscription_id, country)", subscriptionId,
                    watches.countries().stream().map(List::of).toList());
            return null;
        });
    }

    Of of(String subscriptionId) {
        return jdbc.execute(connection -> new Of(
                strings(connection, "SELECT occupation_id FROM subscription_occupation WHERE subscription_id = ? "
                        + "ORDER BY occupation_id", subscriptionId),
                prefixes(connection, subscriptionId),
                strings(connection, "SELECT country FROM subscription_country WHERE subscription_id = ? "
                        + "ORDER BY country", subscriptionId)));
    }

    private static void insert(Connection connection, String tableAndColumns, String subscriptionId,
                               List<List<String>> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        String row = "(?" + ", ?".repeat(rows.get(0).size()) + ")";
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + tableAndColumns + " VALUES "
                + String.join(", ", Collections.nCopies(rows.size(), row)))) {
            int i = 0;
            for (List<String> values : rows) {
                insert.setString(++i, subscriptionId);
                for (String value : values) {
                    insert.setString(++i, value);
                }
            }
            insert.executeUpdate();
        }
    }

    private static List<String> strings(Connection connection, String sql, String subscriptionId)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, subscriptionId);
            List<String> values = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }

    private static List<CodePrefix> prefixes(Connection connection, String subscriptionId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT code_system, prefix "
                + "FROM subscription_code_prefix WHERE subscription_id = ? ORDER BY code_system, prefix")) {
            select.setString(1, subscriptionId);
            List<CodePrefix> prefixes = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    prefixes.add(new CodePrefix(rs.getString(1), rs.getString(2)));
                }
            }
            return prefixes;
        }
    }
}

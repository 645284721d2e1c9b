package org.careergraph.scoring.ranking;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.careergraph.events.CodeSystem;
import org.careergraph.scoring.model.Dimension;
import org.careergraph.scoring.ranking.RankingController.Entry;

/** Reads rankings straight from the score table, sorted by the database on the dimension's own column. */
@Singleton
class Rankings {

    private final JdbcOperations jdbc;

    Rankings(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** @param dimension null: the overall */
    @Transactional(readOnly = true)
    List<Entry> top(@Nullable Dimension dimension, @Nullable CodeSystem codeSystem, int limit) {
        // The column comes from the enum, never from the request.
        String column = dimension == null ? RankingController.OVERALL : dimension.column();
        String sql = "SELECT occupation_id, code_system, title_en, title_zh, " + column + " AS ranked_value, overall, "
                + "model_version FROM score WHERE NOT archived AND " + column + " IS NOT NULL"
                + (codeSystem == null ? "" : " AND code_system = ?") + " ORDER BY " + column + " DESC, occupation_id"
                + " LIMIT ?";
        return jdbc.prepareStatement(sql, statement -> {
            int parameter = 1;
            if (codeSystem != null) {
                statement.setString(parameter++, codeSystem.name());
            }
            statement.setInt(parameter, limit);
            return entries(statement);
        });
    }

    private static List<Entry> entries(PreparedStatement statement) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                entries.add(new Entry(entries.size() + 1, rows.getString("occupation_id"), rows.getString("code_system"),
                        rows.getString("title_en"), rows.getString("title_zh"), rows.getBigDecimal("ranked_value"),
                        rows.getBigDecimal("overall"), rows.getString("model_version")));
            }
        }
        return entries;
    }
}

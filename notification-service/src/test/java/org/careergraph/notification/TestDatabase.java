package org.careergraph.notification;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** Reads the service's own tables, for what the API does not show: that nothing was stored, that an event was seen. */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static long count(JdbcOperations jdbc, String sql, Object... args) {
        return jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    statement.setObject(i + 1, args[i]);
                }
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}

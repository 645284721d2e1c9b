package org.careergraph.testsupport.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The database server's count of the statements its clients have sent (every client: background work too), which
 * benchmarks read before and after some work to tell how many round trips it took.
 */
public final class StatementCount {

    private StatementCount() {
    }

    public static long soFar(Connection connection) throws SQLException {
        try (PreparedStatement show = connection.prepareStatement("SHOW GLOBAL STATUS LIKE 'Questions'");
             ResultSet row = show.executeQuery()) {
            row.next();
            return row.getLong(2);
        }
    }
}

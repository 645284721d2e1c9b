package org.careergraph.catalog;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.ResultSet;

/**
 * The database server's count of the statements its clients have sent (every client: background work too), which
 * benchmarks read before and after some work to tell how many round trips it took.
 */
public final class StatementCount {

    private StatementCount() {
    }

    public static long soFar(JdbcOperations jdbc, TransactionOperations<Connection> transactions) {
        return transactions.executeRead(status -> jdbc.prepareStatement("SHOW GLOBAL STATUS LIKE 'Questions'",
                statement -> {
                    try (ResultSet row = statement.executeQuery()) {
                        row.next();
                        return row.getLong(2);
                    }
                }));
    }
}

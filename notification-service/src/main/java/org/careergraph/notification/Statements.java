package org.careergraph.notification;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The service's JDBC statements, shared by its stores: one prepared statement, closed after its work. */
public final class Statements {

    private Statements() {
    }

    /** What is done with a prepared statement. */
    @FunctionalInterface
    public interface Work<R> {
        R run(PreparedStatement statement) throws SQLException;
    }

    /**
     * A statement on the current transaction's connection, or on a connection of its own outside one (the feed, the
     * webhook bodies and the delivery pages read outside a transaction, where {@code JdbcOperations.prepareStatement}
     * finds no connection).
     */
    public static <R> R run(JdbcOperations jdbc, String sql, Work<R> work) {
        return jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                return work.run(statement);
            }
        });
    }
}

package org.careergraph.notification;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.data.exceptions.DataAccessException;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import org.junit.jupiter.api.Test;

/** Only a transaction the database rolled back whole is worth running again. */
class DeadlocksTest {

    @Test
    void aDeadlockAnywhereInTheCausesIsARollback() {
        SQLTransactionRollbackException deadlock = new SQLTransactionRollbackException(
                "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213);

        assertTrue(Deadlocks.rolledBack(deadlock));
        assertTrue(Deadlocks.rolledBack(new DataAccessException("Error executing SQL Callback", deadlock)));
    }

    @Test
    void anyOtherFailureIsNot() {
        assertFalse(Deadlocks.rolledBack(new DataAccessException("Duplicate entry",
                new SQLException("Duplicate entry 'x' for key 'PRIMARY'", "23000", 1062))));
        assertFalse(Deadlocks.rolledBack(new IllegalStateException("no database involved")));
    }
}

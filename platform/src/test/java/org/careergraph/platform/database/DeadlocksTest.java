package org.careergraph.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.data.exceptions.DataAccessException;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Only a transaction the database rolled back whole is worth running again, and not forever. */
class DeadlocksTest {

    private static final SQLTransactionRollbackException DEADLOCK = new SQLTransactionRollbackException(
            "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213);

    @Test
    void aDeadlockAnywhereInTheCausesIsARollback() {
        assertTrue(Deadlocks.rolledBack(DEADLOCK));
        assertTrue(Deadlocks.rolledBack(new DataAccessException("Error executing SQL Callback", DEADLOCK)));
    }

    @Test
    void anyOtherFailureIsNot() {
        assertFalse(Deadlocks.rolledBack(new DataAccessException("Duplicate entry",
                new SQLException("Duplicate entry 'x' for key 'PRIMARY'", "23000", 1062))));
        assertFalse(Deadlocks.rolledBack(new IllegalStateException("no database involved")));
    }

    @Test
    void aRolledBackTransactionRunsAgainUpToThreeTimes() {
        AtomicInteger attempts = new AtomicInteger();
        assertEquals("done", Deadlocks.retried(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new DataAccessException("Error executing SQL Callback", DEADLOCK);
            }
            return "done";
        }));
        assertEquals(3, attempts.get());

        attempts.set(0);
        DataAccessException third = new DataAccessException("third", DEADLOCK);
        assertSame(third, assertThrows(DataAccessException.class, () -> Deadlocks.retried(() -> {
            throw attempts.incrementAndGet() < 3 ? new DataAccessException("again", DEADLOCK) : third;
        })));
        assertEquals(3, attempts.get());
    }

    @Test
    void anyOtherFailureIsThrownAtOnce() {
        AtomicInteger attempts = new AtomicInteger();
        assertThrows(IllegalStateException.class, () -> Deadlocks.retried(() -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("not the database's doing");
        }));
        assertEquals(1, attempts.get());
    }
}

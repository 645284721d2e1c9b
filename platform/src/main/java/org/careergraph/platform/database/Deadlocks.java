package org.careergraph.platform.database;

import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.SQLTransactionRollbackException;
import java.util.function.Supplier;

/**
 * MySQL ends one of two transactions that wait on each other's locks and rolls it back whole ("try restarting
 * transaction"). Under load, writes that meet on the same rows (notification's subscriptions and delivery queue;
 * immigration's initial rule set beside the consumer, an admin's policy update or withdrawal) meet such deadlocks now
 * and then: the victim's work is simply done again, three attempts in all.
 */
public final class Deadlocks {

    private static final int ATTEMPTS = 3;

    private Deadlocks() {
    }

    /** Whether the failure is a transaction the database rolled back (a deadlock, a lock wait given up). */
    public static boolean rolledBack(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransactionRollbackException) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code transaction}, which begins and ends a transaction of its own, again when it was rolled back. */
    public static <T> T retried(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !rolledBack(e)) {
                    throw e;
                }
            }
        }
    }

    /** Runs {@code work} in one write transaction, again when it was rolled back. */
    public static void write(TransactionOperations<Connection> transactions, Runnable work) {
        retried(() -> transactions.executeWrite(status -> {
            work.run();
            return null;
        }));
    }
}

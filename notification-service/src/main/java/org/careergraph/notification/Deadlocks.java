package org.careergraph.notification;

import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.SQLTransactionRollbackException;

/**
 * MySQL ends one of two transactions that wait on each other's locks and rolls it back whole ("try restarting
 * transaction"). Under load the subscription writes (the per-URL row lock and the inserts beside it) and the delivery
 * queue's writes meet such deadlocks now and then: the victim's work is simply done again.
 */
public final class Deadlocks {

    private static final int ATTEMPTS = 3;

    private Deadlocks() {
    }

    /** Whether the failure is a transaction the database rolled back whole (a deadlock, a lock wait given up). */
    public static boolean rolledBack(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransactionRollbackException) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code work} in one write transaction, again (three attempts in all) when a deadlock rolled it back. */
    public static void write(TransactionOperations<Connection> transactions, Runnable work) {
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.executeWrite(status -> {
                    work.run();
                    return null;
                });
                return;
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !rolledBack(e)) {
                    throw e;
                }
            }
        }
    }
}

package org.careergraph.platform.outbox;

/** Rows were added to the outbox in the current transaction: the relay is woken once it commits. */
enum OutboxWritten {
    INSTANCE
}

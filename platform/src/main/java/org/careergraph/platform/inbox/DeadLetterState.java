package org.careergraph.platform.inbox;

/** Where a kept dead letter stands: waiting for an admin, replayed after a fix, or discarded on purpose. */
public enum DeadLetterState {
    NEW, REPLAYED, DISCARDED
}

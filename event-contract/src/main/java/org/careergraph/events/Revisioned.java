package org.careergraph.events;

/**
 * A payload that carries its aggregate's revision, counted up by the publisher. Consumers apply only the latest: the
 * platform's consumer skips a revision older than one it has handled for the same aggregate (ADR 0018).
 */
public interface Revisioned {

    int revision();
}

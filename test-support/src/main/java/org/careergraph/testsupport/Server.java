package org.careergraph.testsupport;

/** A started test server: what clients need, a text for logs, and how to stop it (null: not ours to stop). */
record Server<T>(T endpoint, String description, AutoCloseable stopper) {

    static String took(long startedNanos) {
        return " (started in " + (System.nanoTime() - startedNanos) / 1_000_000 + " ms)";
    }
}

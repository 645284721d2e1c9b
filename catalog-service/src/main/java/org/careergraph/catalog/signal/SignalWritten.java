package org.careergraph.catalog.signal;

/** An occupation's score or immigration status changed in the current transaction. */
public record SignalWritten(String occupationId) {
}

package org.careergraph.testsupport;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One test server of the JVM: started on first use, stopped at exit; a failure to start is remembered. */
final class StartOnce<T> {

    private static final Logger LOG = LoggerFactory.getLogger(StartOnce.class);

    private final String name;
    private final Supplier<Server<T>> start;
    // volatile: describe() reads them without the lock.
    private volatile Server<T> server;
    private volatile RuntimeException failure;

    StartOnce(String name, Supplier<Server<T>> start) {
        this.name = name;
        this.start = start;
    }

    /** The started server's endpoint, started here on first call. */
    synchronized T endpoint() {
        if (server == null) {
            if (failure != null) {
                throw new IllegalStateException(name + " failed to start earlier in this JVM", failure);
            }
            try {
                server = TestScratch.stopAtExit(start.get());
                LOG.info("{}: {}", name, server.description());
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
        return server.endpoint();
    }

    String describe() {
        Server<T> s = server;
        RuntimeException f = failure;
        return s != null ? s.description() : f != null ? "failed to start (" + f + ")" : "not started";
    }
}

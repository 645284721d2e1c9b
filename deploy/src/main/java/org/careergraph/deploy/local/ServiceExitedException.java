package org.careergraph.deploy.local;

/** A service exited before it was ready, or too often in a row: the launcher stops starting, naming it. */
public final class ServiceExitedException extends IllegalStateException {

    private final Service service;

    ServiceExitedException(Service service, String message) {
        super(message);
        this.service = service;
    }

    /** The service that exited; its output lines start with {@code [<short name>]}. */
    public Service service() {
        return service;
    }
}

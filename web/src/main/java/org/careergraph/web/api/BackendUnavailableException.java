package org.careergraph.web.api;

/** A service did not answer (down, starting, or too slow): the page says which, and that it is worth retrying. */
public class BackendUnavailableException extends RuntimeException {

    private final Backend backend;

    BackendUnavailableException(Backend backend, Throwable cause) {
        super("The " + backend.displayName() + " service did not answer: " + cause.getMessage(), cause);
        this.backend = backend;
    }

    public Backend backend() {
        return backend;
    }
}

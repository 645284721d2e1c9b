package org.careergraph.web.api;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** An answer asked for with {@link ServiceTransport#later}, on its way. */
public final class Later<T> {

    private final CompletableFuture<T> answer;

    Later(CompletableFuture<T> answer) {
        this.answer = answer;
    }

    /** The answer once it is there, failing as the call itself would have ({@link BackendUnavailableException}). */
    public T get() {
        try {
            return answer.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}

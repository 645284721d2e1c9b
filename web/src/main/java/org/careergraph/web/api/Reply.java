package org.careergraph.web.api;

import io.micronaut.core.annotation.Nullable;
import java.util.function.Function;

/** A service's raw answer as the transport reads it (JSON as maps and lists); the clients make it typed. */
record Reply(int status, @Nullable Object body) {

    /** The typed answer: {@code read} makes the body (whatever it is, a problem included) the endpoint's record. */
    <T> Answer<T> as(Function<Object, T> read) {
        return new Answer<>(status, read.apply(body), Problem.of(Json.object(body)));
    }
}

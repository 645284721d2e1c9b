package org.careergraph.web.api;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * A service's dead letter: when it was set aside (the epoch when it does not say), its error (empty when none), and
 * the document the console's table shows.
 */
public record DeadLetter(Instant deadLetteredAt, String error, Map<String, Object> document) {

    static DeadLetter of(Map<String, Object> letter) {
        return new DeadLetter(instant(letter.get("deadLetteredAt")),
                letter.get("error") == null ? "" : letter.get("error").toString(), letter);
    }

    private static Instant instant(@Nullable Object value) {
        try {
            return value == null ? Instant.EPOCH : Instant.parse(value.toString());
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}

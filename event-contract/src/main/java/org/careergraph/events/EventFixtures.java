package org.careergraph.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Example payloads, one per event type, that the publisher's and every consumer's tests read, so both sides test
 * against the same JSON.
 */
public final class EventFixtures {

    private EventFixtures() {
    }

    /** The fixture JSON for a type, e.g. {@code fixtures/careergraph.occupation.changed.v1.json}. */
    public static String json(EventType type) {
        String resource = "fixtures/" + type.type() + ".json";
        try (InputStream in = EventFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture with its example occupation id replaced, so that tests can use unique ids. */
    public static String json(EventType type, String occupationId) {
        return json(type).replace(FIXTURE_OCCUPATION_ID, occupationId);
    }

    /** The occupation id every fixture uses. */
    public static final String FIXTURE_OCCUPATION_ID = "anzsco-411215";
}

package org.careergraph.notification;

import java.util.concurrent.ThreadLocalRandom;
import org.careergraph.events.EventFixtures;
import org.careergraph.events.EventType;

/** Contract fixtures about a unique ANZSCO occupation, so that tests sharing a broker never see each other's. */
public final class TestOccupations {

    private static final String FIXTURE_CODE = "411215";

    private TestOccupations() {
    }

    public static String uniqueCode() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
    }

    public static String id(String code) {
        return "anzsco-" + code;
    }

    /** The fixture of this type with the occupation's id and its code (policy updates name only the code). */
    public static String fixture(EventType type, String code) {
        return EventFixtures.json(type, id(code)).replace(FIXTURE_CODE, code);
    }
}

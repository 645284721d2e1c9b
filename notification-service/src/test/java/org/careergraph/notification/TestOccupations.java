package org.careergraph.notification;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.careergraph.events.CodeSystem;
import org.careergraph.events.EventFixtures;
import org.careergraph.events.EventType;

/** Contract fixtures about a unique ANZSCO occupation, so that tests sharing a broker never see each other's. */
public final class TestOccupations {

    private static final String FIXTURE_CODE = "411215";
    private static final String FIXTURE_CODE_SYSTEM = "\"ANZSCO\"";
    private static final AtomicInteger PREFIXES = new AtomicInteger(ThreadLocalRandom.current().nextInt(1000));

    private TestOccupations() {
    }

    public static String uniqueCode() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
    }

    /**
     * A four-digit code prefix of its own: it starts with 0, so no {@link #uniqueCode()} falls under it, and it is
     * handed out once per JVM. Codes under it are the test's to choose.
     */
    public static String uniquePrefix() {
        return "0%03d".formatted(PREFIXES.getAndIncrement() % 1000);
    }

    public static String id(String code) {
        return CodeSystem.ANZSCO.occupationId(code);
    }

    /** The fixture of this type with the occupation's id and its code (policy updates name only the code). */
    public static String fixture(EventType type, String code) {
        return fixture(type, CodeSystem.ANZSCO, code);
    }

    /** The same about an occupation of another code system (e.g. NOL), with that system's id. */
    public static String fixture(EventType type, CodeSystem system, String code) {
        return EventFixtures.json(type, system.occupationId(code)).replace(FIXTURE_CODE, code)
                .replace(FIXTURE_CODE_SYSTEM, "\"" + system.name() + "\"");
    }
}

package org.careergraph.testsupport;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.careergraph.events.CodeSystem;
import org.careergraph.events.EventFixtures;
import org.careergraph.events.EventType;
import org.careergraph.events.OccupationChanged;
import org.careergraph.events.OccupationFacts;

/**
 * Occupations for tests on a shared broker: fresh ANZSCO codes whose ids no other test in the JVM uses, and the
 * contract's fixtures made about them, as the catalog (and the other services) would publish them.
 */
public final class TestOccupations {

    private static final String FIXTURE_CODE = "411215";
    private static final String FIXTURE_CODE_SYSTEM = "\"ANZSCO\"";
    /** Codes 100000-999999, one after the other from a random start: never two alike in a JVM, none starting 0. */
    private static final AtomicInteger CODES = new AtomicInteger(ThreadLocalRandom.current().nextInt(900_000));
    private static final AtomicInteger PREFIXES = new AtomicInteger(ThreadLocalRandom.current().nextInt(1000));

    private TestOccupations() {
    }

    public static String uniqueCode() {
        return String.valueOf(100_000 + CODES.getAndIncrement() % 900_000);
    }

    /**
     * A four-digit code prefix of its own: it starts with 0, so no {@link #uniqueCode()} falls under it, and it is
     * handed out once per JVM. Codes under it are the test's to choose.
     */
    public static String uniquePrefix() {
        return "0%03d".formatted(PREFIXES.getAndIncrement() % 1000);
    }

    /** The ANZSCO occupation id of a code, {@code anzsco-<code>}. */
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

    /** The fixture's {@code occupation changed}, made about {@code id} with {@code code}, at a revision and title. */
    public static String occupationChanged(JsonMapper json, String id, String code, int revision, String titleEn) {
        try {
            OccupationChanged fixture = json.readValue(EventFixtures.json(EventType.OCCUPATION_CHANGED),
                    OccupationChanged.class);
            OccupationFacts facts = fixture.occupation();
            OccupationChanged event = new OccupationChanged(id, revision,
                    revision == 1 ? OccupationChanged.ChangeKind.CREATED : OccupationChanged.ChangeKind.UPDATED,
                    new OccupationFacts(facts.titleZh(), titleEn, facts.codeSystem(), code, facts.skillLevel(),
                            facts.salaryBands()),
                    fixture.changes(), fixture.changedBy(), fixture.changedAt());
            return json.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

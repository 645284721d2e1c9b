package org.careergraph.immigration;

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
 * Occupations for tests on a shared broker: each test takes fresh ANZSCO codes (5xxxxx) whose ids ({@code
 * anzsco-5xxxxx}) no other test uses, and publishes them as the catalog would, from the contract's fixture.
 */
public final class TestOccupations {

    private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(90_000));

    private TestOccupations() {
    }

    public static String uniqueCode() {
        return String.valueOf(500_000 + NEXT.getAndIncrement() % 100_000);
    }

    public static String idOf(String code) {
        return CodeSystem.ANZSCO.occupationId(code);
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

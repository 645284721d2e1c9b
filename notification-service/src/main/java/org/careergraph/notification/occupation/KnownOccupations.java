package org.careergraph.notification.occupation;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import org.careergraph.events.OccupationChanged;
import org.careergraph.events.OccupationFacts;

/**
 * Keeps the known occupations up to date from the catalog's events (an older revision never reaches it: the
 * platform's consumer skips it).
 */
@Singleton
public class KnownOccupations {

    private final OccupationRepository occupations;
    private final Clock clock;

    KnownOccupations(OccupationRepository occupations, Clock clock) {
        this.occupations = occupations;
        this.clock = clock;
    }

    /**
     * Stores the occupation the event describes, in the caller's transaction; returns it, which is what its watchers
     * are told about.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Occupation apply(OccupationChanged changed) {
        OccupationFacts facts = changed.occupation();
        Occupation next = new Occupation(changed.occupationId(), facts.codeSystem().toUpperCase(Locale.ROOT),
                facts.code(), facts.titleEn(), facts.titleZh(), changed.revision(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        Optional<Occupation> stored = occupations.findByIdForUpdate(changed.occupationId());
        if (stored.isEmpty()) {
            occupations.save(next);
        } else {
            occupations.update(next);
        }
        return next;
    }
}

package org.careergraph.immigration.events;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.careergraph.events.OccupationChanged;
import org.careergraph.events.OccupationFacts;
import org.careergraph.events.PublishedFacts;
import org.careergraph.immigration.occupation.KnownOccupation;
import org.careergraph.immigration.occupation.KnownOccupationRepository;
import org.careergraph.immigration.status.StatusCause;
import org.careergraph.immigration.status.StatusService;
import org.careergraph.platform.inbox.EventHandler;
import org.careergraph.platform.inbox.ReceivedEvent;

/**
 * Keeps the known occupations up to date. A new occupation, or a new code, skill level, salary, typical entry
 * education or job zone, recomputes its statuses; other edits (texts, AI sections) cannot change them.
 */
@Singleton
class OccupationChangedHandler implements EventHandler<OccupationChanged> {

    private final KnownOccupationRepository occupations;
    private final StatusService statuses;
    private final Clock clock;

    OccupationChangedHandler(KnownOccupationRepository occupations, StatusService statuses, Clock clock) {
        this.occupations = occupations;
        this.statuses = statuses;
        this.clock = clock;
    }

    @Override
    public void handle(ReceivedEvent<OccupationChanged> event) {
        OccupationChanged changed = event.payload();
        Optional<KnownOccupation> stored = occupations.findByIdForUpdate(changed.occupationId());
        OccupationFacts facts = changed.occupation();
        PublishedFacts published = facts.published();
        KnownOccupation next = new KnownOccupation(changed.occupationId(), facts.codeSystem(), facts.code(),
                facts.titleZh(), facts.titleEn(), facts.skillLevel(), facts.salaryBands(), facts.requiredQualifications(),
                changed.revision(), Instant.now(clock).truncatedTo(ChronoUnit.MILLIS),
                published == null ? null : published.entryEducation(),
                published == null ? null : published.projectionsRelease(),
                published == null ? null : published.jobZone(),
                published == null ? null : published.jobZoneRelease());
        if (stored.isPresent()) {
            occupations.update(next);
        } else {
            occupations.save(next);
        }
        if (stored.isEmpty() || !stored.get().sameFactsForRules(next)) {
            statuses.recompute(next, StatusCause.catalog(changed.revision()));
        }
    }
}

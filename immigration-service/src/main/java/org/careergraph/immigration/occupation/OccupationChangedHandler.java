package org.careergraph.immigration.occupation;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.careergraph.events.EventType;
import org.careergraph.events.OccupationChanged;
import org.careergraph.events.OccupationFacts;
import org.careergraph.events.PublishedFacts;
import org.careergraph.immigration.status.StatusCause;
import org.careergraph.immigration.status.StatusService;
import org.careergraph.platform.inbox.EventHandler;
import org.careergraph.platform.inbox.ReceivedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the known occupations up to date. A new occupation, or a new code, skill level, salary, typical entry
 * education or job zone, recomputes its statuses; other edits (texts, AI sections) cannot change them.
 */
@Singleton
class OccupationChangedHandler implements EventHandler<OccupationChanged> {

    private static final Logger LOG = LoggerFactory.getLogger(OccupationChangedHandler.class);

    private final KnownOccupationRepository occupations;
    private final StatusService statuses;
    private final Clock clock;

    OccupationChangedHandler(KnownOccupationRepository occupations, StatusService statuses, Clock clock) {
        this.occupations = occupations;
        this.statuses = statuses;
        this.clock = clock;
    }

    @Override
    public EventType type() {
        return EventType.OCCUPATION_CHANGED;
    }

    @Override
    public void handle(ReceivedEvent<OccupationChanged> event) {
        OccupationChanged changed = event.payload();
        Optional<KnownOccupation> stored = occupations.findByIdForUpdate(changed.occupationId());
        if (stored.isPresent() && changed.revision() < stored.get().revision()) {
            LOG.info("Ignoring revision {} of {}: revision {} is known already", changed.revision(),
                    changed.occupationId(), stored.get().revision());
            return;
        }
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

package org.careergraph.notification.occupation;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import org.careergraph.events.EventType;
import org.careergraph.events.OccupationChanged;
import org.careergraph.events.OccupationFacts;
import org.careergraph.platform.inbox.EventHandler;
import org.careergraph.platform.inbox.ReceivedEvent;

/** Keeps the known occupations up to date from the catalog's events; an older revision never overwrites a newer one. */
@Singleton
class OccupationChangedHandler implements EventHandler<OccupationChanged> {

    private final OccupationRepository occupations;

    OccupationChangedHandler(OccupationRepository occupations) {
        this.occupations = occupations;
    }

    @Override
    public EventType type() {
        return EventType.OCCUPATION_CHANGED;
    }

    @Override
    public void handle(ReceivedEvent<OccupationChanged> event) {
        OccupationChanged changed = event.payload();
        OccupationFacts facts = changed.occupation();
        Occupation next = new Occupation(changed.occupationId(), facts.codeSystem().toUpperCase(Locale.ROOT),
                facts.code(), facts.titleEn(), facts.titleZh(), changed.revision(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        Optional<Occupation> stored = occupations.findByIdForUpdate(changed.occupationId());
        if (stored.isEmpty()) {
            occupations.save(next);
        } else if (stored.get().revision() <= changed.revision()) {
            occupations.update(next);
        }
    }
}

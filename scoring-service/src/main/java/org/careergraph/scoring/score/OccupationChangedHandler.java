package org.careergraph.scoring.score;

import jakarta.inject.Singleton;
import org.careergraph.events.EventType;
import org.careergraph.events.FieldChange;
import org.careergraph.events.OccupationChanged;
import org.careergraph.events.SalaryBand;
import org.careergraph.platform.inbox.EventHandler;
import org.careergraph.platform.inbox.ReceivedEvent;
import org.careergraph.scoring.model.ScoringInput;

/** A catalog change brings new facts: titles, pay. */
@Singleton
class OccupationChangedHandler implements EventHandler<OccupationChanged> {

    private final Scorer scorer;

    OccupationChangedHandler(Scorer scorer) {
        this.scorer = scorer;
    }

    @Override
    public EventType type() {
        return EventType.OCCUPATION_CHANGED;
    }

    @Override
    public void handle(ReceivedEvent<OccupationChanged> event) {
        OccupationChanged changed = event.payload();
        SalaryBand mid = changed.occupation().midLevelBand();
        String reason = "catalog revision " + changed.revision() + " changed "
                + changed.changes().stream().map(FieldChange::path).toList();
        scorer.apply(changed.occupationId(), input -> new ScoringInput(input.occupationId(),
                changed.occupation().titleEn(), mid == null ? null : mid.currency(),
                mid == null ? null : mid.midpoint(), true, input.greenListTier(), input.updatedAt()), reason, event);
    }
}

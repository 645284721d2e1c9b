package org.careergraph.scoring.score;

import jakarta.inject.Singleton;
import org.careergraph.events.EventType;
import org.careergraph.events.ImmigrationStatusChanged;
import org.careergraph.platform.inbox.EventHandler;
import org.careergraph.platform.inbox.ReceivedEvent;
import org.careergraph.scoring.model.ScoringInput;

/** A new immigration status moves the PR dimensions. */
@Singleton
class ImmigrationStatusChangedHandler implements EventHandler<ImmigrationStatusChanged> {

    private final Scorer scorer;

    ImmigrationStatusChangedHandler(Scorer scorer) {
        this.scorer = scorer;
    }

    @Override
    public EventType type() {
        return EventType.IMMIGRATION_STATUS_CHANGED;
    }

    @Override
    public void handle(ReceivedEvent<ImmigrationStatusChanged> event) {
        ImmigrationStatusChanged changed = event.payload();
        scorer.apply(changed.occupationId(), input -> new ScoringInput(input.occupationId(), input.titleEn(),
                input.currency(), input.midSalary(), input.factsKnown(), changed.after().greenListTier(),
                input.updatedAt()), changed.reason() + " from " + changed.effectiveFrom(), event);
    }
}

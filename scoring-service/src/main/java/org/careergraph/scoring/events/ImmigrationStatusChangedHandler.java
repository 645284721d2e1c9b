package org.careergraph.scoring.events;

import jakarta.inject.Singleton;
import org.careergraph.events.ImmigrationStatusChanged;
import org.careergraph.platform.inbox.EventHandler;
import org.careergraph.platform.inbox.ReceivedEvent;
import org.careergraph.scoring.score.Cause;
import org.careergraph.scoring.score.Scorer;

/** A new immigration status moves the PR dimensions, and a new median wage the income: the occupation is re-scored. */
@Singleton
class ImmigrationStatusChangedHandler implements EventHandler<ImmigrationStatusChanged> {

    private final Scorer scorer;

    ImmigrationStatusChangedHandler(Scorer scorer) {
        this.scorer = scorer;
    }

    @Override
    public void handle(ReceivedEvent<ImmigrationStatusChanged> event) {
        ImmigrationStatusChanged changed = event.payload();
        scorer.apply(changed.occupationId(), input -> input.withStatus(changed.after(), changed.country(),
                changed.effectiveFrom()), Cause.of(changed.reason() + " from " + changed.effectiveFrom(), event));
    }
}

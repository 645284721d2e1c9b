package org.careergraph.scoring.events;

import jakarta.inject.Singleton;
import org.careergraph.events.FieldChange;
import org.careergraph.events.OccupationChanged;
import org.careergraph.platform.inbox.EventHandler;
import org.careergraph.platform.inbox.ReceivedEvent;
import org.careergraph.scoring.score.Cause;
import org.careergraph.scoring.score.Scorer;

/**
 * A catalog change brings new facts (pay, AI impact, education, qualifications, growth, editorial ratings): they
 * replace the occupation's facts among the model's inputs and it is re-scored.
 */
@Singleton
class OccupationChangedHandler implements EventHandler<OccupationChanged> {

    private final Scorer scorer;

    OccupationChangedHandler(Scorer scorer) {
        this.scorer = scorer;
    }

    @Override
    public void handle(ReceivedEvent<OccupationChanged> event) {
        OccupationChanged changed = event.payload();
        String reason = "catalog revision " + changed.revision() + " changed "
                + changed.changes().stream().map(FieldChange::path).toList();
        scorer.apply(changed.occupationId(), input -> input.withFacts(changed.occupation(), changed.revision()),
                Cause.of(reason, event));
    }
}

package org.careergraph.scoring.input;

import jakarta.inject.Singleton;
import org.careergraph.events.EventType;
import org.careergraph.events.FieldChange;
import org.careergraph.events.ImmigrationStatusChanged;
import org.careergraph.events.OccupationChanged;
import org.careergraph.platform.inbox.EventHandler;
import org.careergraph.platform.inbox.ReceivedEvent;
import org.careergraph.scoring.score.Cause;
import org.careergraph.scoring.score.Scorer;

/** The events that carry the model's inputs: each replaces its part of the inputs and re-scores the occupation. */
final class InputHandlers {

    private InputHandlers() {
    }

    /** A catalog change brings new facts: pay, AI impact, education, qualifications, growth, editorial ratings. */
    @Singleton
    static class OccupationChangedHandler implements EventHandler<OccupationChanged> {

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
            String reason = "catalog revision " + changed.revision() + " changed "
                    + changed.changes().stream().map(FieldChange::path).toList();
            scorer.apply(changed.occupationId(), input -> input.withFacts(changed.occupation(), changed.revision()),
                    Cause.of(reason, event));
        }
    }

    /** A new immigration status moves the PR dimensions, and a new median wage the income. */
    @Singleton
    static class ImmigrationStatusChangedHandler implements EventHandler<ImmigrationStatusChanged> {

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
            scorer.apply(changed.occupationId(), input -> input.withStatus(changed.after(), changed.country(),
                    changed.effectiveFrom()), Cause.of(changed.reason() + " from " + changed.effectiveFrom(), event));
        }
    }
}

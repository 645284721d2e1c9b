package org.careergraph.platform.inbox;

import jakarta.inject.Singleton;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.careergraph.events.EventPayload;
import org.careergraph.events.OccupationChanged;
import org.careergraph.events.PolicyUpdated;
import org.careergraph.events.ScoreChanged;
import org.careergraph.events.ScoringModelChanged;

/**
 * Handlers that only note the ids of the events they handled, for the topics {@link FlakyStatusHandler} does not
 * consume, so that the platform's tests consume every topic of the system as some service does.
 */
@Singleton
class HandledEvents {

    final Set<String> ids = ConcurrentHashMap.newKeySet();

    private abstract static class Noting<T extends EventPayload> implements EventHandler<T> {

        private final HandledEvents handled;

        Noting(HandledEvents handled) {
            this.handled = handled;
        }

        @Override
        public void handle(ReceivedEvent<T> event) {
            handled.ids.add(event.id());
        }
    }

    @Singleton
    static class Occupations extends Noting<OccupationChanged> {
        Occupations(HandledEvents handled) {
            super(handled);
        }
    }

    @Singleton
    static class Policies extends Noting<PolicyUpdated> {
        Policies(HandledEvents handled) {
            super(handled);
        }
    }

    @Singleton
    static class Scores extends Noting<ScoreChanged> {
        Scores(HandledEvents handled) {
            super(handled);
        }
    }

    @Singleton
    static class ScoringModels extends Noting<ScoringModelChanged> {
        ScoringModels(HandledEvents handled) {
            super(handled);
        }
    }
}

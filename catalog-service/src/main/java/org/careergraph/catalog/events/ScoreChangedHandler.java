package org.careergraph.catalog.events;

import jakarta.inject.Singleton;
import org.careergraph.catalog.signal.OccupationSignal;
import org.careergraph.catalog.signal.Signals;
import org.careergraph.events.ScoreChanged;
import org.careergraph.platform.inbox.EventHandler;
import org.careergraph.platform.inbox.ReceivedEvent;

/** A new score: kept with the page's signals, to be shown with it. */
@Singleton
class ScoreChangedHandler implements EventHandler<ScoreChanged> {

    private final Signals signals;

    ScoreChangedHandler(Signals signals) {
        this.signals = signals;
    }

    @Override
    public void handle(ReceivedEvent<ScoreChanged> event) {
        ScoreChanged score = event.payload();
        signals.apply(score.occupationId(), s -> new OccupationSignal(s.occupationId(), score.after().overall(),
                score.after().dimensions(), score.modelVersion(), s.greenListTier(), s.statusSince(), s.updatedAt()));
    }
}

package org.careergraph.catalog.events;

import jakarta.inject.Singleton;
import org.careergraph.catalog.signal.OccupationSignal;
import org.careergraph.catalog.signal.Signals;
import org.careergraph.events.ImmigrationStatusChanged;
import org.careergraph.platform.inbox.EventHandler;
import org.careergraph.platform.inbox.ReceivedEvent;

/** A new immigration status: its Green List tier and since when, kept with the page's signals. */
@Singleton
class ImmigrationStatusChangedHandler implements EventHandler<ImmigrationStatusChanged> {

    private final Signals signals;

    ImmigrationStatusChangedHandler(Signals signals) {
        this.signals = signals;
    }

    @Override
    public void handle(ReceivedEvent<ImmigrationStatusChanged> event) {
        ImmigrationStatusChanged status = event.payload();
        signals.apply(status.occupationId(), s -> new OccupationSignal(s.occupationId(), s.overallScore(),
                s.dimensions(), s.scoreModel(), status.after().greenListTier(), status.effectiveFrom(),
                s.updatedAt()));
    }
}

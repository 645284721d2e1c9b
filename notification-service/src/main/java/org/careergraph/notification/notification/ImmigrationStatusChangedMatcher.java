package org.careergraph.notification.notification;

import jakarta.inject.Singleton;
import java.util.List;
import org.careergraph.events.EventType;
import org.careergraph.events.ImmigrationStatusChanged;
import org.careergraph.notification.occupation.OccupationRepository;
import org.careergraph.platform.inbox.EventHandler;
import org.careergraph.platform.inbox.ReceivedEvent;

/** A new immigration status notifies the subscriptions watching that occupation. */
@Singleton
class ImmigrationStatusChangedMatcher implements EventHandler<ImmigrationStatusChanged> {

    private final OccupationRepository occupations;
    private final NotificationWriter writer;

    ImmigrationStatusChangedMatcher(OccupationRepository occupations, NotificationWriter writer) {
        this.occupations = occupations;
        this.writer = writer;
    }

    @Override
    public EventType type() {
        return EventType.IMMIGRATION_STATUS_CHANGED;
    }

    /** An occupation the catalog never announced has no watchers by id and no titles to name it by: nothing to do. */
    @Override
    public void handle(ReceivedEvent<ImmigrationStatusChanged> event) {
        ImmigrationStatusChanged change = event.payload();
        occupations.findById(change.occupationId()).ifPresent(occupation -> writer.write(event, List.of(
                new Notice(occupation, ChangeMessages.statusChanged(occupation, change)))));
    }
}

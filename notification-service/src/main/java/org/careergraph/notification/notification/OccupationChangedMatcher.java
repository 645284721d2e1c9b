package org.careergraph.notification.notification;

import jakarta.inject.Singleton;
import java.util.List;
import org.careergraph.events.EventType;
import org.careergraph.events.OccupationChanged;
import org.careergraph.platform.inbox.EventHandler;
import org.careergraph.platform.inbox.ReceivedEvent;

/** A catalog edit notifies the subscriptions watching that occupation; the event names it with its new titles. */
@Singleton
class OccupationChangedMatcher implements EventHandler<OccupationChanged> {

    private final NotificationWriter writer;

    OccupationChangedMatcher(NotificationWriter writer) {
        this.writer = writer;
    }

    @Override
    public EventType type() {
        return EventType.OCCUPATION_CHANGED;
    }

    @Override
    public void handle(ReceivedEvent<OccupationChanged> event) {
        OccupationChanged change = event.payload();
        writer.write(event, List.of(new Notice(change.occupationId(), change.occupation().titleEn(),
                change.occupation().titleZh(), ChangeMessages.occupationChanged(change))));
    }
}

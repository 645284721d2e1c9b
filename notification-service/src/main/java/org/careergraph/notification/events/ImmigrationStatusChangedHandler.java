package org.careergraph.notification.events;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Objects;
import org.careergraph.events.ImmigrationStatus;
import org.careergraph.events.ImmigrationStatusChanged;
import org.careergraph.notification.notice.ChangeMessages;
import org.careergraph.notification.notice.Notice;
import org.careergraph.notification.notice.NoticeKind;
import org.careergraph.notification.notice.Notices;
import org.careergraph.notification.occupation.OccupationRepository;
import org.careergraph.platform.inbox.EventHandler;
import org.careergraph.platform.inbox.ReceivedEvent;

/** A new immigration status: a Green List change when the tier moved. */
@Singleton
class ImmigrationStatusChangedHandler implements EventHandler<ImmigrationStatusChanged> {

    private final OccupationRepository occupations;
    private final Notices notices;

    ImmigrationStatusChangedHandler(OccupationRepository occupations, Notices notices) {
        this.occupations = occupations;
        this.notices = notices;
    }

    /** An occupation the catalog never announced has no titles to name it by: nothing to tell. */
    @Override
    public void handle(ReceivedEvent<ImmigrationStatusChanged> event) {
        ImmigrationStatusChanged change = event.payload();
        boolean tierMoved = !Objects.equals(tier(change.before()), tier(change.after()));
        occupations.findById(change.occupationId()).ifPresent(occupation -> notices.write(event, List.of(
                new Notice(occupation, ChangeMessages.statusChanged(occupation, change),
                        NoticeKind.IMMIGRATION_STATUS.bit(), change.country(), tierMoved, change.effectiveFrom()))));
    }

    private static Integer tier(ImmigrationStatus status) {
        return status == null ? null : status.greenListTier();
    }
}

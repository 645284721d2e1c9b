package org.careergraph.notification.events;

import jakarta.inject.Singleton;
import java.time.ZoneOffset;
import java.util.List;
import org.careergraph.events.OccupationChanged;
import org.careergraph.notification.notice.ChangeMessages;
import org.careergraph.notification.notice.Notice;
import org.careergraph.notification.notice.NoticeKind;
import org.careergraph.notification.notice.Notices;
import org.careergraph.notification.notice.ReleaseScores;
import org.careergraph.notification.occupation.KnownOccupations;
import org.careergraph.notification.occupation.Occupation;
import org.careergraph.platform.inbox.EventHandler;
import org.careergraph.platform.inbox.ReceivedEvent;

/**
 * The only handler of catalog edits: it first records the occupation, then keeps the notice for its watchers (so a
 * new occupation reaches those watching a prefix of its code), in the consumer's one transaction.
 * One handler rather than two, so that the order does not depend on the order the handler beans happen to be found.
 */
@Singleton
class OccupationChangedHandler implements EventHandler<OccupationChanged> {

    private final KnownOccupations knownOccupations;
    private final ReleaseScores releaseScores;
    private final Notices notices;

    OccupationChangedHandler(KnownOccupations knownOccupations, ReleaseScores releaseScores, Notices notices) {
        this.knownOccupations = knownOccupations;
        this.releaseScores = releaseScores;
        this.notices = notices;
    }

    @Override
    public void handle(ReceivedEvent<OccupationChanged> event) {
        OccupationChanged change = event.payload();
        // Also locks the occupation's row: a release's notice and its score change pair up one after the other.
        Occupation occupation = knownOccupations.apply(change);
        Notice notice = new Notice(occupation, ChangeMessages.occupationChanged(change),
                NoticeKind.ofCatalogChange(change), null, false,
                change.changedAt().atZone(ZoneOffset.UTC).toLocalDate());
        // A release moves figures, and scores with them: told together with the score change (ReleaseScores).
        if (ChangeMessages.releaseOf(change) != null) {
            notice = releaseScores.releaseNotice(event, notice);
        }
        notices.write(event, List.of(notice));
    }
}

package org.careergraph.notification.events;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.careergraph.events.ScoreChanged;
import org.careergraph.notification.notice.ChangeMessages;
import org.careergraph.notification.notice.Notice;
import org.careergraph.notification.notice.NoticeKind;
import org.careergraph.notification.notice.Notices;
import org.careergraph.notification.notice.ReleaseScores;
import org.careergraph.notification.occupation.OccupationRepository;
import org.careergraph.platform.inbox.EventHandler;
import org.careergraph.platform.inbox.ReceivedEvent;

/**
 * A new score; it holds from the day it was computed. One caused by a release is told within the release's notice
 * when that is still held ({@link ReleaseScores}).
 */
@Singleton
class ScoreChangedHandler implements EventHandler<ScoreChanged> {

    private final OccupationRepository occupations;
    private final ReleaseScores releaseScores;
    private final Notices notices;
    private final Clock clock;

    ScoreChangedHandler(OccupationRepository occupations, ReleaseScores releaseScores, Notices notices, Clock clock) {
        this.clock = clock;
        this.occupations = occupations;
        this.releaseScores = releaseScores;
        this.notices = notices;
    }

    @Override
    public void handle(ReceivedEvent<ScoreChanged> event) {
        ScoreChanged change = event.payload();
        LocalDate asOf = event.time() == null ? clock.instant().atZone(ZoneOffset.UTC).toLocalDate()
                : event.time().atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        // Locked, so that a score change and the release notice it may belong to pair up one after the other.
        occupations.findByIdForUpdate(change.occupationId()).ifPresent(occupation -> releaseScores.scoreNotice(event,
                new Notice(occupation, ChangeMessages.scoreChanged(occupation, change, asOf), NoticeKind.SCORE.bit(),
                        null, false, asOf)).ifPresent(notice -> notices.write(event, List.of(notice))));
    }
}

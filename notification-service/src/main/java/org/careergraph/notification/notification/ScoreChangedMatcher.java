package org.careergraph.notification.notification;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.careergraph.events.ScoreChanged;
import org.careergraph.notification.occupation.OccupationRepository;
import org.careergraph.platform.inbox.EventHandler;
import org.careergraph.platform.inbox.ReceivedEvent;

/**
 * A new score; it holds from the day it was computed. One caused by a release is told within the release's notice
 * when that is still held ({@link ReleaseScores}).
 */
@Singleton
class ScoreChangedMatcher implements EventHandler<ScoreChanged> {

    private final OccupationRepository occupations;
    private final ReleaseScores releaseScores;
    private final NoticeWriter writer;

    ScoreChangedMatcher(OccupationRepository occupations, ReleaseScores releaseScores, NoticeWriter writer) {
        this.occupations = occupations;
        this.releaseScores = releaseScores;
        this.writer = writer;
    }

    @Override
    public void handle(ReceivedEvent<ScoreChanged> event) {
        ScoreChanged change = event.payload();
        LocalDate asOf = event.time() == null ? LocalDate.now(ZoneOffset.UTC)
                : event.time().atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        // Locked, so that a score change and the release notice it may belong to pair up one after the other.
        occupations.findByIdForUpdate(change.occupationId()).ifPresent(occupation -> releaseScores.scoreNotice(event,
                new Notice(occupation, ChangeMessages.scoreChanged(occupation, change, asOf), ChangeKind.SCORE.bit(),
                        null, false, asOf)).ifPresent(notice -> writer.write(event, List.of(notice))));
    }
}

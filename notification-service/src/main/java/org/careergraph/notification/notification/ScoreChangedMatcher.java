package org.careergraph.notification.notification;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.careergraph.events.EventType;
import org.careergraph.events.ScoreChanged;
import org.careergraph.notification.occupation.OccupationRepository;
import org.careergraph.platform.inbox.EventHandler;
import org.careergraph.platform.inbox.ReceivedEvent;

/** A new score; it holds from the day it was computed. */
@Singleton
class ScoreChangedMatcher implements EventHandler<ScoreChanged> {

    private final OccupationRepository occupations;
    private final NoticeWriter writer;

    ScoreChangedMatcher(OccupationRepository occupations, NoticeWriter writer) {
        this.occupations = occupations;
        this.writer = writer;
    }

    @Override
    public EventType type() {
        return EventType.SCORE_CHANGED;
    }

    @Override
    public void handle(ReceivedEvent<ScoreChanged> event) {
        ScoreChanged change = event.payload();
        LocalDate asOf = event.time() == null ? LocalDate.now(ZoneOffset.UTC)
                : event.time().atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        occupations.findById(change.occupationId()).ifPresent(occupation -> writer.write(event, List.of(
                new Notice(occupation, ChangeMessages.scoreChanged(occupation, change, asOf), ChangeKind.SCORE.bit(),
                        null, false, asOf))));
    }
}

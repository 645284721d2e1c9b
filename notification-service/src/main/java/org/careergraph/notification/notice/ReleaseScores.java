package org.careergraph.notification.notice;

import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.careergraph.events.EventType;
import org.careergraph.events.OccupationChanged;
import org.careergraph.events.ScoreChanged;
import org.careergraph.platform.inbox.ReceivedEvent;

/**
 * One alert for a release and the score change it causes. A release's catalog notice is held back from the fan-out
 * for a short window ({@link ReleaseHold}); the score change caused by it (same occupation, its event id as the
 * cause) turns the held notice into one notice with both messages and both kinds, due at once. If no score change
 * comes, the fan-out takes the notice up unchanged when the window ends. Events on two topics may come in either
 * order: a score change whose release notice has not come yet is held in the same way, and the release notice
 * takes it in.
 *
 * <p>All state is in the notice rows. Both handlers run in the consumer's transaction after locking the
 * occupation's row, so the two events of a pair are handled one after the other on any instance; the partner is
 * read with FOR UPDATE (the latest committed row), and the fan-out clears {@code held_until} in the same transaction
 * that claims a notice, so a notice is either merged or fanned out, never both.
 */
@Singleton
public class ReleaseScores {

    private final Notices notices;
    private final JsonMapper json;
    private final Clock clock;
    private final ReleaseHold hold;

    ReleaseScores(Notices notices, JsonMapper json, Clock clock, ReleaseHold hold) {
        this.notices = notices;
        this.json = json;
        this.clock = clock;
        this.hold = hold;
    }

    /**
     * The notice of a release's catalog change: with its score change in it when that came first and is still held;
     * alone when its score change was told already; else held, waiting for one.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Notice releaseNotice(ReceivedEvent<OccupationChanged> event, Notice notice) {
        Optional<Notices.Partner> score = notices.causedBy(notice.occupation().id(), event.id());
        if (score.isEmpty()) {
            return notice.heldUntil(now().plus(hold.window()));
        }
        if (!score.get().held()) {
            return notice;
        }
        // Nothing was fanned out of the held score notice: it is replaced by the release's notice, which tells both.
        notices.delete(score.get().id());
        ScoreChanged change = read(score.get().payload(), ScoreChanged.class);
        return notice.mergedWith(score.get().eventId(), ChangeMessages.releaseScored(event.payload(), change));
    }

    /**
     * The notice of a score change, or empty when it was merged into the held notice of the release that caused it.
     * A score change that moved published figures because of a catalog change whose notice has not come yet is held,
     * waiting for it.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Optional<Notice> scoreNotice(ReceivedEvent<ScoreChanged> event, Notice notice) {
        ScoreChanged change = event.payload();
        if (change.causeEventId() == null) {
            return Optional.of(notice);
        }
        Optional<Notices.Partner> cause = notices.ofEvent(notice.occupation().id(), change.causeEventId());
        if (cause.isPresent() && event.id().equals(cause.get().mergedEventId())) {
            return Optional.empty(); // told within its release's notice already: this is the same event again
        }
        if (cause.isPresent() && cause.get().held()) {
            // Stored without who made it: the release it came from is kept beside it.
            OccupationChanged release = read(cause.get().payload(), OccupationChanged.class);
            Message merged = ChangeMessages.releaseScored(release, cause.get().releaseName(), change);
            // Its payload stays beside the release's (webhooks get it as scoreChange).
            notices.storeEvent(event);
            notices.merge(cause.get().id(), merged, event.id(), now());
            return Optional.empty();
        }
        Notice own = notice.causedBy(change.causeEventId());
        boolean mayPrecedeRelease = cause.isEmpty() && !change.inputChanges().isEmpty()
                && EventType.OCCUPATION_CHANGED.type().equals(change.causeEventType());
        return Optional.of(mayPrecedeRelease ? own.heldUntil(now().plus(hold.window())) : own);
    }

    private <T> T read(String payload, Class<T> type) {
        try {
            return json.readValue(payload, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

package org.careergraph.notification.notification;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.Timestamp;
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
class ReleaseScores {

    /** The notice of the event that caused a score change. */
    private static final String CAUSE_NOTICE = """
            SELECT n.id, n.event_id, n.held_until IS NOT NULL, c.payload, n.merged_event_id
            FROM notice n JOIN change_event c ON c.event_id = n.event_id
            WHERE n.occupation_id = ? AND n.event_id = ?
            FOR UPDATE""";
    /** The notice of a score change a release caused, if it came first. */
    private static final String SCORE_NOTICE = """
            SELECT n.id, n.event_id, n.held_until IS NOT NULL, c.payload, n.merged_event_id
            FROM notice n JOIN change_event c ON c.event_id = n.event_id
            WHERE n.occupation_id = ? AND n.cause_event_id = ?
            ORDER BY n.id
            LIMIT 1
            FOR UPDATE""";
    private static final String MERGE = """
            UPDATE notice SET message_en = ?, message_zh = ?, kinds = kinds | ?, merged_event_id = ?,
                held_until = NULL, fan_out_due = ?
            WHERE id = ? AND held_until IS NOT NULL""";

    private final JdbcOperations jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final ReleaseHold hold;
    private final NoticeWriter writer;

    ReleaseScores(JdbcOperations jdbc, JsonMapper json, Clock clock, ReleaseHold hold, NoticeWriter writer) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.hold = hold;
        this.writer = writer;
    }

    /**
     * The notice of a release's catalog change: with its score change in it when that came first and is still held;
     * alone when its score change was told already; else held, waiting for one.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Notice releaseNotice(ReceivedEvent<OccupationChanged> event, Notice notice) {
        Optional<Partner> score = partner(SCORE_NOTICE, event.id(), notice.occupation().id());
        if (score.isEmpty()) {
            return notice.heldUntil(now().plus(hold.window()));
        }
        if (!score.get().held()) {
            return notice;
        }
        // Nothing was fanned out of the held score notice: it is replaced by the release's notice, which tells both.
        jdbc.prepareStatement("DELETE FROM notice WHERE id = ?", delete -> {
            delete.setLong(1, score.get().id());
            return delete.executeUpdate();
        });
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
        Optional<Partner> cause = partner(CAUSE_NOTICE, change.causeEventId(), notice.occupation().id());
        if (cause.isPresent() && event.id().equals(cause.get().mergedEventId())) {
            return Optional.empty(); // told within its release's notice already: this is the same event again
        }
        if (cause.isPresent() && cause.get().held()) {
            OccupationChanged release = read(cause.get().payload(), OccupationChanged.class);
            Message merged = ChangeMessages.releaseScored(release, change);
            // Its payload stays beside the release's (webhooks get it as scoreChange).
            writer.storeEvent(event);
            jdbc.prepareStatement(MERGE, update -> {
                update.setString(1, merged.en());
                update.setString(2, merged.zh());
                update.setInt(3, ChangeKind.SCORE.bit());
                update.setString(4, event.id());
                update.setTimestamp(5, Timestamp.from(now()));
                update.setLong(6, cause.get().id());
                return update.executeUpdate();
            });
            writer.dueNow();
            return Optional.empty();
        }
        Notice own = notice.causedBy(change.causeEventId());
        boolean mayPrecedeRelease = cause.isEmpty() && !change.inputChanges().isEmpty()
                && EventType.OCCUPATION_CHANGED.type().equals(change.causeEventType());
        return Optional.of(mayPrecedeRelease ? own.heldUntil(now().plus(hold.window())) : own);
    }

    private Optional<Partner> partner(String sql, String eventId, String occupationId) {
        return jdbc.prepareStatement(sql, select -> {
            select.setString(1, occupationId);
            select.setString(2, eventId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Partner(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
                                rs.getString(5)))
                        : Optional.<Partner>empty();
            }
        });
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

    /** The other notice of a pair, locked: whether it is still held, its event's payload, the event merged into it. */
    private record Partner(long id, String eventId, boolean held, String payload, String mergedEventId) {
    }
}

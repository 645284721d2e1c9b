package org.careergraph.notification.notice;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.careergraph.events.OccupationChanged;
import org.careergraph.notification.Statements;
import org.careergraph.platform.inbox.ReceivedEvent;

/**
 * The store of notices and of the event payloads beside them: the only class with SQL on {@code notice} and
 * {@code change_event}. Raw JDBC, because what it says are multi-row upserts, locking reads and leased claims
 * (ADR 0018).
 *
 * <p>An event's notices and its payload are kept in the consumer's transaction: two statements however many
 * subscribers watch. Each notice is due for fan-out at once ({@link FanOut} writes the notifications in the
 * background, so the consumer never waits for them). A redelivered event changes nothing (unique event and
 * occupation). A payload is kept without who made the change ({@link #INTERNAL_FIELDS}), so that it is sent to
 * webhooks as it is stored; the release a catalog change came from is kept beside it.
 */
@Singleton
public class Notices {

    /** Who made a change is the admins' business, not the subscribers'. */
    static final Set<String> INTERNAL_FIELDS = Set.of("recordedBy", "changedBy", "withdrawnBy");

    private static final String INSERT_EVENT = """
            INSERT INTO change_event (event_id, event_type, payload, release_name, received_at) VALUES (?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE event_type = event_type""";
    private static final String INSERT_NOTICES = """
            INSERT INTO notice (event_id, event_type, occupation_id, code_system, code, country, kinds, green_list,
                title_en, title_zh, message_en, message_zh, effective_from, occurred_at, recorded_at, fan_out_due,
                held_until, cause_event_id, merged_event_id)
            VALUES %s
            ON DUPLICATE KEY UPDATE kinds = kinds""";
    private static final String NOTICE_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** The other notice of a release pair, locked, with its event's payload. */
    private static final String PARTNER = """
            SELECT n.id, n.event_id, n.held_until IS NOT NULL, c.payload, c.release_name, n.merged_event_id
            FROM notice n JOIN change_event c ON c.event_id = n.event_id
            WHERE n.occupation_id = ? AND %s
            ORDER BY n.id
            LIMIT 1
            FOR UPDATE""";
    private static final String MERGE = """
            UPDATE notice SET message_en = ?, message_zh = ?, kinds = kinds | ?, merged_event_id = ?,
                held_until = NULL, fan_out_due = ?
            WHERE id = ? AND held_until IS NOT NULL""";
    /**
     * The oldest due notice whose occupation has no earlier notice still to fan out: one occupation's notices are
     * fanned out in their order (a notice leased by an instance that died, or held for its release's score change,
     * holds up the later ones of its occupation), so that its notifications, and so its alerts, follow that order.
     */
    private static final String CLAIM = """
            SELECT n.id, n.occupation_id, n.code_system, n.code, n.country, n.kinds, n.green_list, n.recorded_at,
                n.fan_out_after
            FROM notice n
            WHERE n.fan_out_due IS NOT NULL AND n.fan_out_due <= ?
              AND NOT EXISTS (SELECT 1 FROM notice e WHERE e.occupation_id = n.occupation_id
                              AND e.fan_out_due IS NOT NULL AND e.id < n.id)
            ORDER BY n.fan_out_due
            LIMIT 1
            FOR UPDATE SKIP LOCKED""";
    private static final String FEED = """
            SELECT id, event_id, event_type, kinds, message_en, message_zh, occurred_at
            FROM notice WHERE occupation_id = ? AND held_until IS NULL ORDER BY id DESC LIMIT ?""";
    private static final String TEXTS = """
            SELECT id, event_id, event_type, occupation_id, title_en, title_zh, message_en, message_zh, merged_event_id
            FROM notice WHERE id IN (%s)""";

    private final JdbcOperations jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher<FanOutDue> due;

    Notices(JdbcOperations jdbc, JsonMapper json, Clock clock, ApplicationEventPublisher<FanOutDue> due) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.due = due;
    }

    /** A notice being fanned out: what matches its watchers, and the last subscription id it reached. */
    public record Due(long id, String occupationId, String codeSystem, String code, @Nullable String country,
                      int kinds, boolean greenList, Timestamp recordedAt, String after) {
    }

    /** A notice as it is told: in a feed, or in a notification being sent or listed. */
    public record Told(long id, String eventId, String eventType, String occupationId, String titleEn,
                       String titleZh, int kinds, Message message, Instant occurredAt,
                       @Nullable String mergedEventId) {
    }

    /** The other notice of a release pair, locked: still held or not, its event's payload and release, the merged event. */
    record Partner(long id, String eventId, boolean held, String payload, @Nullable String releaseName,
                   @Nullable String mergedEventId) {
    }

    /** A notice written or changed in the current transaction is due now: the fan-out starts once it commits. */
    void dueNow() {
        due.publishEvent(FanOutDue.INSTANCE);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void write(ReceivedEvent<?> event, List<Notice> notices) {
        if (notices.isEmpty()) {
            return;
        }
        Timestamp now = storeEvent(event);
        Timestamp occurredAt = event.time() == null ? now : Timestamp.from(event.time().toInstant());
        String sql = INSERT_NOTICES.formatted(String.join(", ", Collections.nCopies(notices.size(), NOTICE_ROW)));
        statement(sql, statement -> {
            int i = 0;
            for (Notice notice : notices) {
                statement.setString(++i, event.id());
                statement.setString(++i, event.type().type());
                statement.setString(++i, notice.occupation().id());
                statement.setString(++i, notice.occupation().codeSystem());
                statement.setString(++i, notice.occupation().code());
                if (notice.country() == null) {
                    statement.setNull(++i, Types.CHAR);
                } else {
                    statement.setString(++i, notice.country());
                }
                statement.setInt(++i, notice.kinds());
                statement.setBoolean(++i, notice.greenList());
                statement.setString(++i, notice.occupation().titleEn());
                statement.setString(++i, notice.occupation().titleZh());
                statement.setString(++i, notice.message().en());
                statement.setString(++i, notice.message().zh());
                statement.setDate(++i, Date.valueOf(notice.effectiveFrom()));
                statement.setTimestamp(++i, occurredAt);
                statement.setTimestamp(++i, now);
                // A held notice is due for fan-out when its hold ends (or when its partner comes, ReleaseScores).
                Timestamp heldUntil = notice.heldUntil() == null ? null : Timestamp.from(notice.heldUntil());
                statement.setTimestamp(++i, heldUntil == null ? now : heldUntil);
                statement.setTimestamp(++i, heldUntil);
                statement.setString(++i, notice.causeEventId());
                statement.setString(++i, notice.mergedEventId());
            }
            return statement.executeUpdate();
        });
        if (notices.stream().anyMatch(notice -> notice.heldUntil() == null)) {
            dueNow();
        }
    }

    /**
     * Keeps the event's payload (once: a redelivery changes nothing), without its internal fields; returns the time
     * it was received.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    Timestamp storeEvent(ReceivedEvent<?> event) {
        Timestamp now = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MILLIS));
        String release = event.payload() instanceof OccupationChanged changed ? ChangeMessages.releaseOf(changed)
                : null;
        statement(INSERT_EVENT, statement -> {
            statement.setString(1, event.id());
            statement.setString(2, event.type().type());
            statement.setString(3, cleanPayload(event.payload()));
            statement.setString(4, release);
            statement.setTimestamp(5, now);
            return statement.executeUpdate();
        });
        return now;
    }

    /** The payload as webhooks receive it: without who made the change. */
    String cleanPayload(Object payload) {
        try {
            Map<String, Object> fields = json.readValue(json.writeValueAsBytes(payload),
                    Argument.mapOf(String.class, Object.class));
            fields.keySet().removeAll(INTERNAL_FIELDS);
            return json.writeValueAsString(fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The notice of the event {@code eventId} about the occupation, locked. */
    Optional<Partner> ofEvent(String occupationId, String eventId) {
        return partner("n.event_id = ?", occupationId, eventId);
    }

    /** The first notice about the occupation caused by the event {@code eventId} (a score change), locked. */
    Optional<Partner> causedBy(String occupationId, String eventId) {
        return partner("n.cause_event_id = ?", occupationId, eventId);
    }

    private Optional<Partner> partner(String condition, String occupationId, String eventId) {
        return statement(PARTNER.formatted(condition), select -> {
            select.setString(1, occupationId);
            select.setString(2, eventId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Partner(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
                                rs.getString(5), rs.getString(6)))
                        : Optional.<Partner>empty();
            }
        });
    }

    /** Forgets a held notice nothing was fanned out of (told within its partner's notice instead). */
    void delete(long id) {
        statement("DELETE FROM notice WHERE id = ?", delete -> {
            delete.setLong(1, id);
            return delete.executeUpdate();
        });
    }

    /** Tells the score event within the held notice {@code id}: its message, the score's kind too, due now. */
    void merge(long id, Message merged, String scoreEventId, Instant now) {
        statement(MERGE, update -> {
            update.setString(1, merged.en());
            update.setString(2, merged.zh());
            update.setInt(3, NoticeKind.SCORE.bit());
            update.setString(4, scoreEventId);
            update.setTimestamp(5, Timestamp.from(now));
            update.setLong(6, id);
            return update.executeUpdate();
        });
        dueNow();
    }

    /** Claims the next due notice for fan-out until {@code leaseEnds}, in the current transaction; ends its hold. */
    Optional<Due> claimDue(Instant now, Instant leaseEnds) {
        return jdbc.execute(connection -> {
            Due claimed;
            try (PreparedStatement select = connection.prepareStatement(CLAIM)) {
                select.setTimestamp(1, Timestamp.from(now));
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Due>empty();
                    }
                    claimed = new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getInt(6), rs.getBoolean(7), rs.getTimestamp(8), rs.getString(9));
                }
            }
            moveOn(claimed.id(), claimed.after(), claimed.after(), leaseEnds);
            return Optional.of(claimed);
        });
    }

    /**
     * Moves the notice's fan-out progress from {@code after} to {@code next} and its lease to {@code leaseEnds};
     * false if it moved on meanwhile. A held notice stops being held in the transaction that claims it: from then on
     * no score change is merged into it.
     */
    boolean moveOn(long id, String after, String next, Instant leaseEnds) {
        return statement("UPDATE notice SET fan_out_after = ?, fan_out_due = ?, held_until = NULL "
                + "WHERE id = ? AND fan_out_after = ?", update -> {
                    update.setString(1, next);
                    update.setTimestamp(2, Timestamp.from(leaseEnds));
                    update.setLong(3, id);
                    update.setString(4, after);
                    return update.executeUpdate() == 1;
                });
    }

    /** The notice reached every watcher after {@code after}: its fan-out is done. */
    void fannedOut(long id, String after) {
        statement("UPDATE notice SET fan_out_due = NULL WHERE id = ? AND fan_out_after = ?", done -> {
            done.setLong(1, id);
            done.setString(2, after);
            return done.executeUpdate();
        });
    }

    /** The latest notices about an occupation that are told already (not held), newest first. */
    public List<Told> latest(String occupationId, int limit) {
        return statement(FEED, select -> {
            select.setString(1, occupationId);
            select.setInt(2, limit);
            List<Told> told = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    told.add(new Told(rs.getLong(1), rs.getString(2), rs.getString(3), occupationId, null, null,
                            rs.getInt(4), new Message(rs.getString(5), rs.getString(6)),
                            rs.getTimestamp(7).toInstant(), null));
                }
            }
            return told;
        });
    }

    /** These notices as they are told, by id: each once, however many notifications tell it. */
    public Map<Long, Told> told(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Long> distinct = ids.stream().distinct().toList();
        return statement(TEXTS.formatted(String.join(", ", Collections.nCopies(distinct.size(), "?"))),
                select -> {
                    for (int i = 0; i < distinct.size(); i++) {
                        select.setLong(i + 1, distinct.get(i));
                    }
                    Map<Long, Told> told = new HashMap<>();
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            told.put(rs.getLong(1), new Told(rs.getLong(1), rs.getString(2), rs.getString(3),
                                    rs.getString(4), rs.getString(5), rs.getString(6), 0,
                                    new Message(rs.getString(7), rs.getString(8)), null, rs.getString(9)));
                        }
                    }
                    return told;
                });
    }

    /** The payloads of these events, by event id, as stored (without internal fields): what webhooks receive. */
    public Map<String, String> payloads(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Map.of();
        }
        List<String> ids = List.copyOf(eventIds);
        return statement("SELECT event_id, payload FROM change_event WHERE event_id IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")", select -> {
                    for (int i = 0; i < ids.size(); i++) {
                        select.setString(i + 1, ids.get(i));
                    }
                    Map<String, String> payloads = new LinkedHashMap<>();
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            payloads.put(rs.getString(1), rs.getString(2));
                        }
                    }
                    return payloads;
                });
    }

    private <R> R statement(String sql, Statements.Work<R> work) {
        return Statements.run(jdbc, sql, work);
    }
}

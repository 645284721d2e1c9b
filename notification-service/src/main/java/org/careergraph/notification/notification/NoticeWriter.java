package org.careergraph.notification.notification;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import org.careergraph.platform.inbox.ReceivedEvent;

/**
 * Keeps an event's notices, and its payload once beside them, in the consumer's transaction: two statements however
 * many subscribers watch. Each notice is due for fan-out at once ({@link FanOut} writes the notifications in the
 * background, so the consumer never waits for them). A redelivered event changes nothing (unique event and occupation).
 */
@Singleton
class NoticeWriter {

    private static final String INSERT_EVENT = """
            INSERT INTO change_event (event_id, event_type, payload, received_at) VALUES (?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE event_type = event_type""";
    private static final String INSERT_NOTICES = """
            INSERT INTO notice (event_id, event_type, occupation_id, code_system, code, country, kinds, green_list,
                title_en, title_zh, message_en, message_zh, effective_from, occurred_at, recorded_at, fan_out_due,
                held_until, cause_event_id, merged_event_id)
            VALUES %s
            ON DUPLICATE KEY UPDATE kinds = kinds""";
    private static final String NOTICE_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcOperations jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher<FanOutDue> due;

    NoticeWriter(JdbcOperations jdbc, JsonMapper json, Clock clock, ApplicationEventPublisher<FanOutDue> due) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.due = due;
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
        jdbc.prepareStatement(sql, statement -> {
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

    /** Keeps the event's payload (once: a redelivery changes nothing); returns the time it was received. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Timestamp storeEvent(ReceivedEvent<?> event) {
        Timestamp now = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MILLIS));
        jdbc.prepareStatement(INSERT_EVENT, statement -> {
            statement.setString(1, event.id());
            statement.setString(2, event.type().type());
            statement.setString(3, payload(event));
            statement.setTimestamp(4, now);
            return statement.executeUpdate();
        });
        return now;
    }

    private String payload(ReceivedEvent<?> event) {
        try {
            return json.writeValueAsString(event.payload());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.careergraph.notification.notification;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import org.careergraph.platform.inbox.ReceivedEvent;

/**
 * Turns an event's notices into one pending notification per watching subscription, in the consumer's transaction.
 * One INSERT ... SELECT per event, however many subscribers: the notices are a derived table joined to the
 * subscriptions that watch their occupations. The unique key (subscription, event, occupation) makes a second run for
 * the same event a no-op. The event's payload is stored once, beside, only when someone was notified.
 */
@Singleton
class NotificationWriter {

    private static final String INSERT_HEAD = """
            INSERT INTO notification (id, subscription_id, event_id, event_type, occupation_id, title_en, title_zh,
                message_en, message_zh, status, attempts, next_attempt_at, created_at)
            SELECT UUID(), w.subscription_id, ?, ?, m.occupation_id, m.title_en, m.title_zh, m.message_en,
                m.message_zh, 'PENDING', 0, ?, ?
            FROM subscription_occupation w
            JOIN (""";
    private static final String NOTICE_ROW = "SELECT ? AS occupation_id, ? AS title_en, ? AS title_zh, "
            + "? AS message_en, ? AS message_zh";
    private static final String INSERT_TAIL = """
            ) m ON m.occupation_id = w.occupation_id
            ON DUPLICATE KEY UPDATE notification.attempts = notification.attempts""";
    private static final String INSERT_EVENT = """
            INSERT INTO change_event (event_id, event_type, payload, received_at) VALUES (?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE event_type = event_type""";

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    NotificationWriter(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Returns how many notifications were written. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public int write(ReceivedEvent<?> event, List<Notice> notices) {
        if (notices.isEmpty()) {
            return 0;
        }
        Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        String sql = INSERT_HEAD + String.join(" UNION ALL ", Collections.nCopies(notices.size(), NOTICE_ROW))
                + INSERT_TAIL;
        int written = jdbc.prepareStatement(sql, statement -> {
            int i = 0;
            statement.setString(++i, event.id());
            statement.setString(++i, event.type().type());
            statement.setTimestamp(++i, now);
            statement.setTimestamp(++i, now);
            for (Notice notice : notices) {
                statement.setString(++i, notice.occupationId());
                statement.setString(++i, notice.titleEn());
                statement.setString(++i, notice.titleZh());
                statement.setString(++i, notice.message().en());
                statement.setString(++i, notice.message().zh());
            }
            return statement.executeUpdate();
        });
        if (written > 0) {
            jdbc.prepareStatement(INSERT_EVENT, statement -> {
                statement.setString(1, event.id());
                statement.setString(2, event.type().type());
                statement.setString(3, payload(event));
                statement.setTimestamp(4, now);
                return statement.executeUpdate();
            });
        }
        return written;
    }

    private String payload(ReceivedEvent<?> event) {
        try {
            return json.writeValueAsString(event.payload());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

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
import java.util.stream.IntStream;
import org.careergraph.notification.occupation.Occupation;
import org.careergraph.platform.inbox.ReceivedEvent;

/**
 * Turns an event's notices into one pending notification per watching subscription, in the consumer's transaction.
 * One INSERT ... SELECT per event, however many subscribers: the subscriptions that watch a notice's occupation by id,
 * united (UNION, so a subscription watching it both ways counts once) with those that watch one of the leading parts
 * of its code (2, 25, 254 ... of 254499) in its code system, joined to the notices as a derived table. The unique key
 * (subscription, event, occupation) makes a second run for the same event a no-op. The event's payload is stored
 * once, beside, only when someone was notified.
 */
@Singleton
class NotificationWriter {

    private static final String INSERT = """
            INSERT INTO notification (id, subscription_id, event_id, event_type, occupation_id, title_en, title_zh,
                message_en, message_zh, status, attempts, next_attempt_at, created_at)
            SELECT UUID(), w.subscription_id, ?, ?, m.occupation_id, m.title_en, m.title_zh, m.message_en,
                m.message_zh, 'PENDING', 0, ?, ?
            FROM (
                SELECT o.subscription_id, k.occupation_id
                FROM subscription_occupation o
                JOIN (%s) k ON k.occupation_id = o.occupation_id
                UNION
                SELECT p.subscription_id, k.occupation_id
                FROM subscription_code_prefix p
                JOIN (%s) k ON k.code_system = p.code_system AND k.prefix = p.prefix
            ) w
            JOIN (%s) m ON m.occupation_id = w.occupation_id
            ON DUPLICATE KEY UPDATE notification.attempts = notification.attempts""";
    private static final String ID_ROW = "SELECT ? AS occupation_id";
    private static final String PREFIX_ROW = "SELECT ? AS occupation_id, ? AS code_system, ? AS prefix";
    private static final String NOTICE_ROW = "SELECT ? AS occupation_id, ? AS title_en, ? AS title_zh, "
            + "? AS message_en, ? AS message_zh";
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
        List<List<String>> leadingParts = notices.stream().map(n -> leadingParts(n.occupation().code())).toList();
        String sql = INSERT.formatted(rows(ID_ROW, notices.size()),
                rows(PREFIX_ROW, leadingParts.stream().mapToInt(List::size).sum()), rows(NOTICE_ROW, notices.size()));
        int written = jdbc.prepareStatement(sql, statement -> {
            int i = 0;
            statement.setString(++i, event.id());
            statement.setString(++i, event.type().type());
            statement.setTimestamp(++i, now);
            statement.setTimestamp(++i, now);
            for (Notice notice : notices) {
                statement.setString(++i, notice.occupation().id());
            }
            for (int n = 0; n < notices.size(); n++) {
                Occupation occupation = notices.get(n).occupation();
                for (String part : leadingParts.get(n)) {
                    statement.setString(++i, occupation.id());
                    statement.setString(++i, occupation.codeSystem());
                    statement.setString(++i, part);
                }
            }
            for (Notice notice : notices) {
                statement.setString(++i, notice.occupation().id());
                statement.setString(++i, notice.occupation().titleEn());
                statement.setString(++i, notice.occupation().titleZh());
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

    /** 254499 -> 2, 25, 254, 2544, 25449, 254499: every prefix a watch may name to match it. Never empty. */
    private static List<String> leadingParts(String code) {
        return IntStream.rangeClosed(Math.min(1, code.length()), code.length()).mapToObj(n -> code.substring(0, n))
                .toList();
    }

    private static String rows(String row, int count) {
        return String.join(" UNION ALL ", Collections.nCopies(count, row));
    }

    private String payload(ReceivedEvent<?> event) {
        try {
            return json.writeValueAsString(event.payload());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.careergraph.notification.notification;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A subscription's notifications and how their delivery went, newest first; and sending one again. */
@Singleton
public class Notifications {

    private static final String SELECT = """
            SELECT n.id, c.event_id, c.event_type, c.occupation_id, c.message_en, c.message_zh, n.status, n.attempts,
                n.created_at, n.last_attempt_at, n.next_attempt_at, n.delivered_at, n.last_error
            FROM notification n
            JOIN notice c ON c.id = n.notice_id
            WHERE n.subscription_id = ?""";

    private final JdbcOperations jdbc;

    Notifications(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** One notification and how its delivery went; {@code nextAttemptAt} only while it is pending. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Delivery(String id, String eventId, String eventType, String occupationId, Message message,
                           NotificationStatus status, int attempts, Instant createdAt, @Nullable Instant lastAttemptAt,
                           @Nullable Instant nextAttemptAt, @Nullable Instant deliveredAt, @Nullable String lastError) {
    }

    /** Always with its items, also when there are none yet. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record DeliveryPage(List<Delivery> items, long total, int page, int size) {
    }

    public DeliveryPage page(String subscriptionId, int page, int size) {
        List<Delivery> items = query(SELECT + " ORDER BY n.created_at DESC, n.id DESC LIMIT ? OFFSET ?",
                subscriptionId, size, (long) page * size);
        long total = jdbc.execute(connection -> {
            try (PreparedStatement count = connection.prepareStatement(
                    "SELECT COUNT(*) FROM notification WHERE subscription_id = ?")) {
                count.setString(1, subscriptionId);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        return new DeliveryPage(items, total, page, size);
    }

    public Optional<Delivery> find(String subscriptionId, String id) {
        return query(SELECT + " AND n.id = ?", subscriptionId, id).stream().findFirst();
    }

    /**
     * Sends a delivered or failed notification again, as a new series of attempts due now (same id, so a receiver
     * that keeps ids sees it is the same message). False when it is pending already.
     */
    public boolean replay(String subscriptionId, String id, Instant now) {
        return jdbc.execute(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE notification SET status = 'PENDING', attempts = 0, next_attempt_at = ?, last_error = NULL,
                        delivered_at = NULL, claim_token = NULL
                    WHERE subscription_id = ? AND id = ? AND status <> 'PENDING'""")) {
                update.setTimestamp(1, Timestamp.from(now));
                update.setString(2, subscriptionId);
                update.setString(3, id);
                return update.executeUpdate() == 1;
            }
        });
    }

    /**
     * Makes what waits for the next digest due now (the subscription moved from a daily digest to immediate mails):
     * else it would go out only at the digest hour, and hold up the later alerts of its occupations until then.
     */
    public void sendDigestWaitingNow(String subscriptionId, Instant now) {
        jdbc.execute(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE notification SET next_attempt_at = ?
                    WHERE subscription_id = ? AND status = 'PENDING' AND attempts = 0 AND claim_token IS NULL
                      AND next_attempt_at > ?""")) {
                update.setTimestamp(1, Timestamp.from(now));
                update.setString(2, subscriptionId);
                update.setTimestamp(3, Timestamp.from(now));
                return update.executeUpdate();
            }
        });
    }

    /** Fails what is still waiting to be sent, saying why (the subscription was paused). */
    public void failPending(String subscriptionId, String reason) {
        jdbc.execute(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE notification SET status = 'FAILED', last_error = ?, claim_token = NULL
                    WHERE subscription_id = ? AND status = 'PENDING'""")) {
                update.setString(1, reason);
                update.setString(2, subscriptionId);
                return update.executeUpdate();
            }
        });
    }

    private List<Delivery> query(String sql, Object... params) {
        return jdbc.execute(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    select.setObject(i + 1, params[i]);
                }
                List<Delivery> deliveries = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        deliveries.add(delivery(rs));
                    }
                }
                return deliveries;
            }
        });
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        NotificationStatus status = NotificationStatus.valueOf(rs.getString(7));
        return new Delivery(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                new Message(rs.getString(5), rs.getString(6)), status, rs.getInt(8), instant(rs, 9),
                instant(rs, 10), status == NotificationStatus.PENDING ? instant(rs, 11) : null, instant(rs, 12),
                rs.getString(13));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}

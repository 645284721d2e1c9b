package org.careergraph.notification.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.BeanProvider;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.careergraph.notification.notification.Message;

/**
 * The notifications waiting to be sent, in the database, shared by every instance: a claim takes due ones for the
 * length of a lease (SELECT ... FOR UPDATE SKIP LOCKED, so instances never wait for each other) and marks them with
 * a claim token; results are recorded in batches, each only if its claim still holds. Every step is a few statements
 * per batch, never one per notification.
 */
@Singleton
class DeliveryQueue {

    /**
     * Due notifications, each the oldest pending one of its subscription about its occupation: one occupation's alerts
     * reach a subscriber one after the other, in the order of their notices (the order of the changes), whatever
     * instance claims them and however many attempts one takes. A later one is not even looked at while an earlier
     * one of the same occupation is pending: in flight, leased by an instance that died, or waiting for its next
     * attempt. Other occupations' alerts to the same subscriber are not held up (so one payload the receiver refuses
     * holds up only its occupation's alerts, and its other deliveries still show the endpoint is alive).
     */
    private static final String SELECT_DUE = """
            SELECT n.id, n.subscription_id FROM notification n
            WHERE n.status = 'PENDING' AND n.next_attempt_at <= ?
              AND NOT EXISTS (SELECT 1 FROM notification e WHERE e.subscription_id = n.subscription_id
                              AND e.occupation_id = n.occupation_id AND e.status = 'PENDING'
                              AND e.notice_id < n.notice_id)
            ORDER BY n.next_attempt_at
            LIMIT ?
            FOR UPDATE SKIP LOCKED""";
    private static final String SELECT_CLAIMED = """
            SELECT n.id, n.subscription_id, n.attempts, n.created_at, s.status, s.status_reason, s.channel,
                s.webhook_url, s.signing_secret, s.email, s.email_delivery, s.mailbox_token, n.notice_id
            FROM notification n
            JOIN subscription s ON s.id = n.subscription_id
            WHERE n.id IN (%s)
            ORDER BY n.notice_id""";
    /** Each notice once, however many of the claimed notifications tell it (a fan-out's batch is mostly one). */
    private static final String SELECT_NOTICES = """
            SELECT id, event_id, event_type, occupation_id, title_en, title_zh, message_en, message_zh, merged_event_id
            FROM notice WHERE id IN (%s)""";
    private static final String DELIVERED = """
            UPDATE notification SET status = 'DELIVERED', attempts = attempts + 1, last_attempt_at = ?,
                delivered_at = ?, last_error = NULL, claim_token = NULL
            WHERE claim_token = ? AND id IN (%s)""";
    private static final String NOT_DELIVERED = """
            UPDATE notification SET status = ?, attempts = ?, last_attempt_at = ?, next_attempt_at = ?,
                last_error = ?, claim_token = NULL
            WHERE id = ? AND claim_token = ?""";
    private static final String DISABLE = """
            UPDATE subscription SET status = 'DISABLED', status_reason = ? WHERE id = ? AND status = 'ACTIVE'""";
    private static final String FAIL_PENDING = """
            UPDATE notification SET status = 'FAILED', last_error = ?, claim_token = NULL
            WHERE subscription_id = ? AND status = 'PENDING'""";
    private static final int MAX_ERROR_LENGTH = 500;

    private final JdbcOperations jdbc;
    private final BeanProvider<MeterRegistry> meters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final TransactionOperations<Connection> transactions;

    DeliveryQueue(JdbcOperations jdbc, TransactionOperations<Connection> transactions,
                  BeanProvider<MeterRegistry> meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.meters = meters;
    }

    /**
     * Claims up to {@code limit} due notifications until {@code now + lease}, oldest due first and at most one per
     * subscription and occupation (see {@link #SELECT_DUE}), and with a digest subscriber's notification all of that subscriber's
     * due ones (a digest is one mail).
     */
    List<Delivery> claim(int limit, Instant now, Duration lease) {
        return transactions.executeWrite(status -> jdbc.execute(connection -> {
            Map<String, String> due = select(connection, SELECT_DUE, List.of(Timestamp.from(now), limit));
            if (due.isEmpty()) {
                return List.of();
            }
            Set<String> ids = new LinkedHashSet<>(due.keySet());
            Set<String> digestSubscribers = select(connection, "SELECT id, id FROM subscription WHERE id IN ("
                    + marks(due.values().size()) + ") AND email_delivery = 'DAILY_DIGEST'",
                    List.copyOf(due.values())).keySet();
            if (!digestSubscribers.isEmpty()) {
                List<Object> params = new ArrayList<>(digestSubscribers);
                params.add(Timestamp.from(now));
                ids.addAll(select(connection, "SELECT id, subscription_id FROM notification WHERE subscription_id IN ("
                        + marks(digestSubscribers.size()) + ") AND status = 'PENDING' AND next_attempt_at <= ? "
                        + "FOR UPDATE SKIP LOCKED", params).keySet());
            }
            String claimToken = UUID.randomUUID().toString();
            Instant leaseEnds = now.plus(lease);
            List<Object> params = new ArrayList<>(List.of(Timestamp.from(leaseEnds), claimToken));
            params.addAll(ids);
            try (PreparedStatement update = connection.prepareStatement("UPDATE notification SET next_attempt_at = ?, "
                    + "claim_token = ? WHERE id IN (" + marks(ids.size()) + ")")) {
                bind(update, params);
                update.executeUpdate();
            }
            return read(connection, ids, claimToken, leaseEnds);
        }));
    }

    /** The payloads of these events, by event id: what webhooks receive as {@code change}. */
    Map<String, String> payloads(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.execute(connection -> select(connection, "SELECT event_id, payload FROM change_event "
                + "WHERE event_id IN (" + marks(eventIds.size()) + ")", List.copyOf(eventIds)));
    }

    /**
     * Records results in one transaction: one UPDATE for all delivered notifications of a claim (stamped with the
     * latest of their times: at most a recording interval late), one batch for the others, then the disabled
     * endpoints.
     */
    void record(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        Map<String, List<Outcome>> deliveredByClaim = new LinkedHashMap<>();
        List<Outcome> notDelivered = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (outcome.result() == Outcome.Result.DELIVERED) {
                deliveredByClaim.computeIfAbsent(outcome.delivery().claimToken(), t -> new ArrayList<>()).add(outcome);
            } else {
                notDelivered.add(outcome);
            }
        }
        transactions.executeWrite(status -> jdbc.execute(connection -> {
            for (Map.Entry<String, List<Outcome>> claim : deliveredByClaim.entrySet()) {
                Timestamp at = Timestamp.from(claim.getValue().stream().map(Outcome::at).max(Instant::compareTo)
                        .orElseThrow());
                List<Object> params = new ArrayList<>(List.of(at, at, claim.getKey()));
                claim.getValue().forEach(o -> params.add(o.delivery().id()));
                try (PreparedStatement update = connection.prepareStatement(
                        DELIVERED.formatted(marks(claim.getValue().size())))) {
                    bind(update, params);
                    update.executeUpdate();
                }
            }
            if (!notDelivered.isEmpty()) {
                try (PreparedStatement update = connection.prepareStatement(NOT_DELIVERED)) {
                    for (Outcome outcome : notDelivered) {
                        Delivery d = outcome.delivery();
                        Timestamp at = Timestamp.from(outcome.at());
                        boolean retry = outcome.result() == Outcome.Result.RETRY;
                        bind(update, List.of(retry ? "PENDING" : "FAILED", d.attempts() + 1, at,
                                retry ? Timestamp.from(outcome.nextAttemptAt()) : at, shorten(outcome.error()),
                                d.id(), d.claimToken()));
                        update.addBatch();
                    }
                    update.executeBatch();
                }
            }
            for (Outcome outcome : outcomes) {
                if (outcome.disableReason() != null) {
                    disable(connection, outcome.delivery().subscriptionId(), outcome.disableReason());
                }
            }
            return null;
        }));
        count(outcomes);
    }

    /**
     * {@code careergraph_deliveries_total{channel, outcome}}: attempts recorded, by channel (WEBHOOK, EMAIL) and
     * outcome (DELIVERED, RETRY: failed and to be tried again, FAILED: given up). Counted once recorded.
     */
    private void count(List<Outcome> outcomes) {
        if (!meters.isPresent()) {
            return;
        }
        for (Outcome outcome : outcomes) {
            // Looked up once per channel and outcome, not per delivery: a recording holds thousands.
            counters.computeIfAbsent(outcome.delivery().channel() + " " + outcome.result(), key -> meters.get()
                    .counter("careergraph.deliveries", "channel", outcome.delivery().channel(),
                            "outcome", outcome.result().name())).increment();
        }
    }

    /** Whether any notification of the subscription was delivered after {@code since}. */
    boolean deliveredSince(String subscriptionId, Instant since) {
        return jdbc.execute(connection -> !select(connection, "SELECT id, id FROM notification "
                + "WHERE subscription_id = ? AND status = 'DELIVERED' AND delivered_at > ? LIMIT 1",
                List.of(subscriptionId, Timestamp.from(since))).isEmpty());
    }

    private static void disable(Connection connection, String subscriptionId, String reason) throws SQLException {
        try (PreparedStatement disable = connection.prepareStatement(DISABLE);
             PreparedStatement failPending = connection.prepareStatement(FAIL_PENDING)) {
            bind(disable, List.of(shorten(reason), subscriptionId));
            disable.executeUpdate();
            bind(failPending, List.of(shorten("not sent: the endpoint was disabled (" + reason + ")"),
                    subscriptionId));
            failPending.executeUpdate();
        }
    }

    private static List<Delivery> read(Connection connection, Collection<String> ids, String claimToken,
                                       Instant leaseEnds) throws SQLException {
        record Claimed(String id, String subscriptionId, int attempts, Instant createdAt, String status,
                       String statusReason, String channel, String webhookUrl, String signingSecret, String email,
                       String emailDelivery, String mailboxToken, long noticeId) {
        }
        record NoticeText(String eventId, String eventType, String occupationId, String titleEn, String titleZh,
                          Message message, String mergedEventId) {
        }
        List<Claimed> claimed = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT_CLAIMED.formatted(marks(ids.size())))) {
            bind(select, List.copyOf(ids));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new Claimed(rs.getString(1), rs.getString(2), rs.getInt(3),
                            rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                            rs.getLong(13)));
                }
            }
        }
        List<Long> noticeIds = claimed.stream().map(Claimed::noticeId).distinct().toList();
        Map<Long, NoticeText> notices = new HashMap<>();
        if (!noticeIds.isEmpty()) {
            try (PreparedStatement select = connection.prepareStatement(
                    SELECT_NOTICES.formatted(marks(noticeIds.size())))) {
                bind(select, noticeIds);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        notices.put(rs.getLong(1), new NoticeText(rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), new Message(rs.getString(7), rs.getString(8)),
                                rs.getString(9)));
                    }
                }
            }
        }
        return claimed.stream().map(c -> {
            NoticeText notice = Objects.requireNonNull(notices.get(c.noticeId()),
                    () -> "notification " + c.id() + " names notice " + c.noticeId() + ", which is gone");
            return new Delivery(c.id(), c.subscriptionId(), c.attempts(), c.createdAt(), claimToken, leaseEnds,
                    c.status(), c.statusReason(), c.channel(), c.webhookUrl(), c.signingSecret(), c.email(),
                    c.emailDelivery(), c.mailboxToken(), notice.eventId(), notice.eventType(), notice.occupationId(),
                    notice.titleEn(), notice.titleZh(), notice.message(), notice.mergedEventId());
        }).toList();
    }

    /** The first two columns of every row, as an ordered map. */
    private static Map<String, String> select(Connection connection, String sql, List<?> params)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            bind(select, params);
            Map<String, String> rows = new LinkedHashMap<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1), rs.getString(2));
                }
            }
            return rows;
        }
    }

    private static void bind(PreparedStatement statement, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            statement.setObject(i + 1, params.get(i));
        }
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static String shorten(String text) {
        return text == null || text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }
}

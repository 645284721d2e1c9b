package org.careergraph.notification.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.ApplicationEventPublisher;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.careergraph.notification.Statements;
import org.careergraph.notification.notice.Notices;

/**
 * The notifications waiting to be sent, in the database, shared by every instance: a claim takes due ones for the
 * length of a lease (SELECT ... FOR UPDATE SKIP LOCKED, so instances never wait for each other) and marks them with
 * a claim token; results are recorded in batches, each only if its claim still holds. Every step is a few statements
 * per batch, never one per notification.
 */
@Singleton
public class DeliveryQueue {

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
    /** One pending notification for each watcher a fan-out page selects ({@link Watchers}). */
    private static final String ENQUEUE = """
            INSERT INTO notification (id, subscription_id, notice_id, occupation_id, status, attempts, next_attempt_at,
                created_at)
            SELECT UUID(), s.id, ?, ?, 'PENDING', 0, CASE WHEN s.email_delivery = 'DAILY_DIGEST' THEN ? ELSE ? END, ?
            FROM (%s) w
            JOIN subscription s ON s.id = w.subscription_id
            WHERE s.status = 'ACTIVE' AND (s.kinds & ?) <> 0 AND COALESCE(s.confirmed_at, s.created_at) <= ?
            ON DUPLICATE KEY UPDATE notification.attempts = notification.attempts""";
    private static final String LISTED = """
            SELECT id, notice_id, status, attempts, created_at, last_attempt_at, next_attempt_at, delivered_at,
                last_error
            FROM notification
            WHERE subscription_id = ?""";
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
    private final Notices notices;
    private final BeanProvider<MeterRegistry> meters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final TransactionOperations<Connection> transactions;
    private final ApplicationEventPublisher<NotificationsWritten> written;

    DeliveryQueue(JdbcOperations jdbc, Notices notices, TransactionOperations<Connection> transactions,
                  BeanProvider<MeterRegistry> meters, ApplicationEventPublisher<NotificationsWritten> written) {
        this.jdbc = jdbc;
        this.notices = notices;
        this.transactions = transactions;
        this.meters = meters;
        this.written = written;
    }

    /**
     * The subscriptions a fan-out page reaches: a query selecting {@code subscription_id}, and its parameters
     * ({@code FanOut} builds it from the ways of watching).
     */
    public record Watchers(String sql, List<Object> params) {
    }

    /**
     * Writes one pending notification of the notice for each of the watchers that wants it, in the caller's
     * transaction, as one INSERT ... SELECT: due now, or at the next digest for a digest subscriber. A subscription
     * wants it when it is active, existed (confirmed, for an email) when the notice was recorded, and wants one of its
     * kinds; a page written twice (after a crash) changes nothing (unique subscription and notice). The dispatcher is
     * woken once the transaction commits.
     */
    public void enqueue(Watchers watchers, long noticeId, String occupationId, int kinds, Instant recordedAt,
                        Instant now, Instant nextDigest) {
        List<Object> params = new ArrayList<>(List.of(noticeId, occupationId, Timestamp.from(nextDigest),
                Timestamp.from(now), Timestamp.from(now)));
        params.addAll(watchers.params());
        params.add(kinds);
        params.add(Timestamp.from(recordedAt));
        int inserted = statement(ENQUEUE.formatted(watchers.sql()), insert -> {
            bind(insert, params);
            return insert.executeUpdate();
        });
        if (inserted > 0) {
            written.publishEvent(NotificationsWritten.INSTANCE);
        }
    }

    /**
     * Claims up to {@code limit} due notifications until {@code now + lease}, oldest due first and at most one per
     * subscription and occupation (see {@link #SELECT_DUE}), and with a digest subscriber's notification all of that subscriber's
     * due ones (a digest is one mail).
     */
    List<ClaimedNotification> claim(int limit, Instant now, Duration lease) {
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
                        ClaimedNotification d = outcome.delivery();
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

    private List<ClaimedNotification> read(Connection connection, Collection<String> ids, String claimToken,
                                           Instant leaseEnds) throws SQLException {
        record Claimed(String id, String subscriptionId, int attempts, Instant createdAt, String status,
                       String statusReason, String channel, String webhookUrl, String signingSecret, String email,
                       String emailDelivery, String mailboxToken, long noticeId) {
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
        // Each notice once, however many of the claimed notifications tell it (a fan-out's batch is mostly one).
        Map<Long, Notices.Told> told = notices.told(claimed.stream().map(Claimed::noticeId).toList());
        return claimed.stream().map(c -> {
            Notices.Told notice = Objects.requireNonNull(told.get(c.noticeId()),
                    () -> "notification " + c.id() + " names notice " + c.noticeId() + ", which is gone");
            return new ClaimedNotification(c.id(), c.subscriptionId(), c.attempts(), c.createdAt(), claimToken,
                    leaseEnds, c.status(), c.statusReason(), c.channel(), c.webhookUrl(), c.signingSecret(), c.email(),
                    c.emailDelivery(), c.mailboxToken(), notice.eventId(), notice.eventType(), notice.occupationId(),
                    notice.titleEn(), notice.titleZh(), notice.message(), notice.mergedEventId());
        }).toList();
    }

    /** A subscription's deliveries, newest first. */
    public DeliveryPage page(String subscriptionId, int page, int size) {
        List<Delivery> items = listed(LISTED + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
                List.of(subscriptionId, size, (long) page * size));
        long total = statement("SELECT COUNT(*) FROM notification WHERE subscription_id = ?", count -> {
            count.setString(1, subscriptionId);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        return new DeliveryPage(items, total, page, size);
    }

    /** One delivery of the subscription. */
    public Optional<Delivery> find(String subscriptionId, String id) {
        return listed(LISTED + " AND id = ?", List.of(subscriptionId, id)).stream().findFirst();
    }

    /**
     * Sends a delivered or failed notification again, as a new series of attempts due now (same id, so a receiver
     * that keeps ids sees it is the same message). False when it is pending already.
     */
    public boolean replay(String subscriptionId, String id, Instant now) {
        return statement("""
                UPDATE notification SET status = 'PENDING', attempts = 0, next_attempt_at = ?, last_error = NULL,
                    delivered_at = NULL, claim_token = NULL
                WHERE subscription_id = ? AND id = ? AND status <> 'PENDING'""", update -> {
                    bind(update, List.of(Timestamp.from(now), subscriptionId, id));
                    return update.executeUpdate() == 1;
                });
    }

    /**
     * Makes what waits for the next digest due now (the subscription moved from a daily digest to immediate mails):
     * else it would go out only at the digest hour, and hold up the later alerts of its occupations until then.
     */
    public void sendDigestWaitingNow(String subscriptionId, Instant now) {
        statement("""
                UPDATE notification SET next_attempt_at = ?
                WHERE subscription_id = ? AND status = 'PENDING' AND attempts = 0 AND claim_token IS NULL
                  AND next_attempt_at > ?""", update -> {
                    bind(update, List.of(Timestamp.from(now), subscriptionId, Timestamp.from(now)));
                    return update.executeUpdate();
                });
    }

    /** Fails what is still waiting to be sent, saying why (the subscription was paused). */
    public void failPending(String subscriptionId, String reason) {
        statement(FAIL_PENDING, update -> {
            bind(update, List.of(reason, subscriptionId));
            return update.executeUpdate();
        });
    }

    private List<Delivery> listed(String sql, List<?> params) {
        record Listed(String id, long noticeId, NotificationStatus status, int attempts, Instant createdAt,
                      Instant lastAttemptAt, Instant nextAttemptAt, Instant deliveredAt, String lastError) {
        }
        List<Listed> rows = statement(sql, select -> {
            bind(select, params);
            List<Listed> listed = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    NotificationStatus status = NotificationStatus.valueOf(rs.getString(3));
                    listed.add(new Listed(rs.getString(1), rs.getLong(2), status, rs.getInt(4), instant(rs, 5),
                            instant(rs, 6), status == NotificationStatus.PENDING ? instant(rs, 7) : null,
                            instant(rs, 8), rs.getString(9)));
                }
            }
            return listed;
        });
        Map<Long, Notices.Told> told = notices.told(rows.stream().map(Listed::noticeId).toList());
        return rows.stream().map(row -> {
            Notices.Told notice = told.get(row.noticeId());
            return new Delivery(row.id(), notice.eventId(), notice.eventType(), notice.occupationId(),
                    notice.message(), row.status(), row.attempts(), row.createdAt(), row.lastAttemptAt(),
                    row.nextAttemptAt(), row.deliveredAt(), row.lastError());
        }).toList();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
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

    private <R> R statement(String sql, Statements.Work<R> work) {
        return Statements.run(jdbc, sql, work);
    }
}

package org.careergraph.notification.notification;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.careergraph.platform.poll.WakeableJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one pending notification for every subscription that wants a notice, in the background, a page of
 * subscriptions at a time: per page one query finds how far the page reaches (by subscription id) and one INSERT ...
 * SELECT writes its notifications, never a round trip per subscriber. A subscription wants a notice when it is
 * active, existed (confirmed, for an email) when the notice was recorded, wants one of its kinds of change, and
 * watches it: by the occupation's id, by a leading part of its code (2, 25, 254 ... of 254499) in its code system, by
 * the country of an immigration change, or every Green List change. UNION counts a subscription that watches it several ways once; the unique (subscription, notice) key makes
 * a page written twice (after a crash) a no-op.
 *
 * <p>A notice is claimed with SELECT ... FOR UPDATE SKIP LOCKED and leased, so instances share the work (one
 * occupation's notices in their order, see {@link #CLAIM}); each page
 * commits with the notice's progress, so a fan-out cut short resumes where it stopped. A notice held for its
 * release's score change ({@link ReleaseScores}) is due when its hold ends; the claim ends the hold.
 */
@Singleton
class FanOut {

    private static final Logger LOG = LoggerFactory.getLogger(FanOut.class);

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
    private static final String PAGE_END = """
            SELECT MAX(subscription_id) FROM (
                SELECT subscription_id FROM (%s) watchers ORDER BY subscription_id LIMIT ?
            ) page""";
    private static final String INSERT = """
            INSERT INTO notification (id, subscription_id, notice_id, occupation_id, status, attempts, next_attempt_at,
                created_at)
            SELECT UUID(), s.id, ?, ?, 'PENDING', 0, CASE WHEN s.email_delivery = 'DAILY_DIGEST' THEN ? ELSE ? END, ?
            FROM (%s) w
            JOIN subscription s ON s.id = w.subscription_id
            WHERE s.status = 'ACTIVE' AND (s.kinds & ?) <> 0 AND COALESCE(s.confirmed_at, s.created_at) <= ?
            ON DUPLICATE KEY UPDATE notification.attempts = notification.attempts""";

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final DigestSchedule digests;
    private final int pageSize;
    private final Duration lease;
    private final ApplicationEventPublisher<NotificationsWritten> written;
    private final WakeableJob job = new WakeableJob("fan-out", this::fanOutDue);
    private volatile boolean stopping;

    FanOut(JdbcOperations jdbc, TransactionOperations<Connection> transactions, Clock clock, DigestSchedule digests,
           @Value("${careergraph.notification.fan-out.page-size:5000}") int pageSize,
           @Value("${careergraph.notification.fan-out.lease:60s}") Duration lease,
           ApplicationEventPublisher<NotificationsWritten> written) {
        this.written = written;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.digests = digests;
        this.pageSize = pageSize;
        this.lease = lease;
    }

    /** Polls; {@link #due} runs it at once after each commit that made a notice due. */
    @Scheduled(fixedDelay = "${careergraph.notification.fan-out.poll-interval:200ms}",
            initialDelay = "${careergraph.notification.fan-out.initial-delay:1s}")
    void poll() {
        job.run();
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void due(FanOutDue notice) {
        job.wake();
    }

    /** Stops between pages (the notice's progress is kept: its lease runs out and it goes on from there). */
    @PreDestroy
    void close() {
        stopping = true;
        job.close();
    }

    private void fanOutDue() {
        try {
            while (!stopping && fanOutNext()) {
                // until no notice is due
            }
        } catch (Exception e) {
            LOG.warn("Fan-out stopped; the notice is taken up again when its lease ends: {}", e.toString());
        }
    }

    /** Fans out one due notice completely; false when none was due. */
    boolean fanOutNext() {
        Optional<Due> claimed = transactions.executeWrite(status -> jdbc.execute(this::claim));
        if (claimed.isEmpty()) {
            return false;
        }
        Due notice = claimed.get();
        String after = notice.after();
        while (after != null && !stopping) {
            String from = after;
            after = transactions.executeWrite(status -> jdbc.execute(connection -> page(connection, notice, from)));
        }
        return true;
    }

    private Optional<Due> claim(Connection connection) throws SQLException {
        Due due;
        try (PreparedStatement select = connection.prepareStatement(CLAIM)) {
            select.setTimestamp(1, Timestamp.from(now()));
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                due = new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6), rs.getBoolean(7), rs.getTimestamp(8), rs.getString(9));
            }
        }
        extendLease(connection, due.id(), due.after(), due.after());
        return Optional.of(due);
    }

    /** Writes the notifications of the next page after {@code after}; returns where the next page starts, or null. */
    private String page(Connection connection, Due notice, String after) throws SQLException {
        String end;
        Watchers open = watchers(notice, after, null, true);
        try (PreparedStatement select = connection.prepareStatement(PAGE_END.formatted(open.sql()))) {
            int i = open.bind(select, 0);
            select.setInt(i + 1, pageSize);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                end = rs.getString(1);
            }
        }
        if (end == null) {
            try (PreparedStatement done = connection.prepareStatement(
                    "UPDATE notice SET fan_out_due = NULL WHERE id = ? AND fan_out_after = ?")) {
                done.setLong(1, notice.id());
                done.setString(2, after);
                done.executeUpdate();
            }
            return null;
        }
        Instant now = now();
        Watchers page = watchers(notice, after, end, false);
        try (PreparedStatement insert = connection.prepareStatement(INSERT.formatted(page.sql()))) {
            insert.setLong(1, notice.id());
            insert.setString(2, notice.occupationId());
            insert.setTimestamp(3, Timestamp.from(digests.nextAfter(now)));
            insert.setTimestamp(4, Timestamp.from(now));
            insert.setTimestamp(5, Timestamp.from(now));
            int i = page.bind(insert, 5);
            insert.setInt(i + 1, notice.kinds());
            insert.setTimestamp(i + 2, notice.recordedAt());
            if (insert.executeUpdate() > 0) {
                written.publishEvent(NotificationsWritten.INSTANCE);
            }
        }
        if (!extendLease(connection, notice.id(), after, end)) {
            throw new IllegalStateException("notice " + notice.id() + " was taken over by another instance");
        }
        return end;
    }

    /**
     * Moves the notice's progress from {@code after} to {@code next} and its lease ahead; false if it moved on. A
     * held notice stops being held in the transaction that claims it: from then on no score change is merged into it.
     */
    private boolean extendLease(Connection connection, long id, String after, String next) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE notice SET fan_out_after = ?, "
                + "fan_out_due = ?, held_until = NULL WHERE id = ? AND fan_out_after = ?")) {
            update.setString(1, next);
            update.setTimestamp(2, Timestamp.from(now().plus(lease)));
            update.setLong(3, id);
            update.setString(4, after);
            return update.executeUpdate() == 1;
        }
    }

    /**
     * The subscriptions watching the notice with ids after {@code after} (and up to {@code upTo}): one branch per way
     * of watching that can apply; with {@code limited}, each branch stops after a page, so that finding the page's end
     * reads at most a page per branch.
     */
    private Watchers watchers(Due notice, String after, String upTo, boolean limited) {
        List<String> branches = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        List<String> parts = leadingParts(notice.code());
        branches.add(branch("subscription_id FROM subscription_occupation WHERE occupation_id = ?", "subscription_id",
                upTo, limited));
        params.add(notice.occupationId());
        addRange(params, after, upTo);
        branches.add(branch("subscription_id FROM subscription_code_prefix WHERE code_system = ? AND prefix IN ("
                + String.join(", ", parts.stream().map(p -> "?").toList()) + ")", "subscription_id", upTo, limited));
        params.add(notice.codeSystem());
        params.addAll(parts);
        addRange(params, after, upTo);
        if (notice.country() != null) {
            branches.add(branch("subscription_id FROM subscription_country WHERE country = ?", "subscription_id", upTo,
                    limited));
            params.add(notice.country());
            addRange(params, after, upTo);
        }
        if (notice.greenList()) {
            branches.add(branch("id AS subscription_id FROM subscription WHERE any_green_list = TRUE", "id", upTo,
                    limited));
            addRange(params, after, upTo);
        }
        return new Watchers(String.join(" UNION ", branches), params);
    }

    private String branch(String selectFromWhere, String idColumn, String upTo, boolean limited) {
        return "(SELECT " + selectFromWhere + " AND " + idColumn + " > ?"
                + (upTo == null ? "" : " AND " + idColumn + " <= ?")
                + (limited ? " ORDER BY " + idColumn + " LIMIT " + pageSize : "") + ")";
    }

    private static void addRange(List<Object> params, String after, String upTo) {
        params.add(after);
        if (upTo != null) {
            params.add(upTo);
        }
    }

    /** 254499 -> 2, 25, 254, 2544, 25449, 254499: every prefix a watch may name to match it. */
    private static List<String> leadingParts(String code) {
        return code.isEmpty() ? List.of("") : IntStream.rangeClosed(1, code.length())
                .mapToObj(n -> code.substring(0, n)).toList();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** A notice being fanned out, and the last subscription id it reached. */
    private record Due(long id, String occupationId, String codeSystem, String code, String country, int kinds,
                       boolean greenList, Timestamp recordedAt, String after) {
    }

    private record Watchers(String sql, List<Object> params) {

        /** Binds the parameters after position {@code from}; returns the last position bound. */
        int bind(PreparedStatement statement, int from) throws SQLException {
            int i = from;
            for (Object param : params) {
                statement.setObject(++i, param);
            }
            return i;
        }
    }
}

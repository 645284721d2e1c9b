package org.careergraph.notification.notice;

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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.careergraph.notification.delivery.DeliveryQueue;
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
 * occupation's notices in their order, see {@link Notices#claimDue}); each page
 * commits with the notice's progress, so a fan-out cut short resumes where it stopped. A notice held for its
 * release's score change ({@link ReleaseScores}) is due when its hold ends; the claim ends the hold.
 */
@Singleton
class FanOut {

    private static final Logger LOG = LoggerFactory.getLogger(FanOut.class);

    private static final String PAGE_END = """
            SELECT MAX(subscription_id) FROM (
                SELECT subscription_id FROM (%s) watchers ORDER BY subscription_id LIMIT ?
            ) page""";

    private final Notices notices;
    private final DeliveryQueue queue;
    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final DigestSchedule digests;
    private final int pageSize;
    private final Duration lease;
    private final WakeableJob job = new WakeableJob("fan-out", this::fanOutDue);
    private volatile boolean stopping;

    FanOut(Notices notices, DeliveryQueue queue, JdbcOperations jdbc, TransactionOperations<Connection> transactions,
           Clock clock, DigestSchedule digests, FanOutSettings settings) {
        this.notices = notices;
        this.queue = queue;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.digests = digests;
        this.pageSize = settings.pageSize();
        this.lease = settings.lease();
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
        Optional<Notices.Due> claimed = transactions.executeWrite(status -> notices.claimDue(now(),
                now().plus(lease)));
        if (claimed.isEmpty()) {
            return false;
        }
        Notices.Due notice = claimed.get();
        String after = notice.after();
        while (after != null && !stopping) {
            String from = after;
            after = transactions.executeWrite(status -> jdbc.execute(connection -> page(connection, notice, from)));
        }
        return true;
    }

    /** Writes the notifications of the next page after {@code after}; returns where the next page starts, or null. */
    private String page(Connection connection, Notices.Due notice, String after) throws SQLException {
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
            notices.fannedOut(notice.id(), after);
            return null;
        }
        Instant now = now();
        Watchers page = watchers(notice, after, end, false);
        queue.enqueue(new DeliveryQueue.Watchers(page.sql(), page.params()), notice.id(), notice.occupationId(),
                notice.kinds(), notice.recordedAt().toInstant(), now, digests.nextAfter(now));
        if (!notices.moveOn(notice.id(), after, end, now().plus(lease))) {
            throw new IllegalStateException("notice " + notice.id() + " was taken over by another instance");
        }
        return end;
    }

    /**
     * The subscriptions watching the notice with ids after {@code after} (and up to {@code upTo}): one branch per way
     * of watching that can apply; with {@code limited}, each branch stops after a page, so that finding the page's end
     * reads at most a page per branch.
     */
    private Watchers watchers(Notices.Due notice, String after, String upTo, boolean limited) {
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

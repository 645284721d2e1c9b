package org.careergraph.notification.delivery;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.careergraph.notification.notification.Message;
import org.careergraph.notification.notification.NotificationRepository;
import org.careergraph.notification.notification.NotificationStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers pending notifications to their webhooks, at least once, surviving restarts: all state is in the database.
 *
 * <p>Each run claims a batch of due notifications in a short transaction (SELECT ... FOR UPDATE SKIP LOCKED, so
 * instances never wait for each other) and moves their {@code next_attempt_at} a lease ahead, so that other
 * instances skip them until the lease ends. Then, outside any transaction, it POSTs them in parallel and records
 * each outcome: delivered, another attempt later ({@link RetrySchedule}), or failed for good. An instance that dies
 * mid-delivery leaves its claims to be retried when their lease ends.
 */
@Singleton
class WebhookDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(5);
    /** Who recorded a policy update is the admins' business, not the subscribers'. */
    private static final Set<String> INTERNAL_FIELDS = Set.of("recordedBy", "changedBy");

    private static final String SELECT_DUE = """
            SELECT id FROM notification
            WHERE status = 'PENDING' AND next_attempt_at <= ?
            ORDER BY next_attempt_at
            LIMIT ?
            FOR UPDATE SKIP LOCKED""";
    private static final String SELECT_CLAIMED = """
            SELECT n.id, n.event_id, n.event_type, n.occupation_id, n.title_en, n.title_zh, n.message_en,
                n.message_zh, n.attempts, s.webhook_url, e.payload
            FROM notification n
            JOIN subscription s ON s.id = n.subscription_id
            LEFT JOIN change_event e ON e.event_id = n.event_id
            WHERE n.id IN (%s)""";

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final NotificationRepository notifications;
    private final WebhookClient webhooks;
    private final JsonMapper json;
    private final RetrySchedule retries;
    private final int batchSize;
    private final Duration lease;
    private final ExecutorService senders;

    WebhookDispatcher(JdbcOperations jdbc, TransactionOperations<Connection> transactions,
                      NotificationRepository notifications, WebhookClient webhooks, JsonMapper json,
                      @Value("${careergraph.notification.delivery.max-attempts:8}") int maxAttempts,
                      @Value("${careergraph.notification.delivery.initial-backoff:1s}") Duration initialBackoff,
                      @Value("${careergraph.notification.delivery.max-backoff:1h}") Duration maxBackoff,
                      @Value("${careergraph.notification.delivery.batch-size:50}") int batchSize,
                      @Value("${careergraph.notification.delivery.lease:60s}") Duration lease,
                      @Value("${careergraph.notification.delivery.concurrency:8}") int concurrency) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.notifications = notifications;
        this.webhooks = webhooks;
        this.json = json;
        this.retries = new RetrySchedule(maxAttempts, initialBackoff, maxBackoff);
        this.batchSize = batchSize;
        this.lease = lease;
        AtomicInteger threads = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(concurrency, task -> {
            Thread thread = new Thread(task, "webhook-sender-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Scheduled(fixedDelay = "${careergraph.notification.delivery.poll-interval:250ms}", initialDelay = "1s")
    void dispatch() {
        try {
            List<Claimed> claimed;
            do {
                claimed = claim();
                deliver(claimed);
            } while (claimed.size() == batchSize);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("Webhook dispatch failed; claimed notifications are retried when their lease ends: {}",
                    e.toString());
        }
    }

    /** Claims due notifications for this instance for the length of the lease. */
    List<Claimed> claim() {
        Instant now = now();
        return transactions.executeWrite(status -> jdbc.execute(connection -> {
            List<String> ids = dueIds(connection, now);
            if (ids.isEmpty()) {
                return List.of();
            }
            String in = String.join(", ", Collections.nCopies(ids.size(), "?"));
            try (PreparedStatement lease = connection.prepareStatement(
                    "UPDATE notification SET next_attempt_at = ? WHERE id IN (" + in + ")")) {
                lease.setTimestamp(1, Timestamp.from(now.plus(this.lease)));
                for (int i = 0; i < ids.size(); i++) {
                    lease.setString(i + 2, ids.get(i));
                }
                lease.executeUpdate();
            }
            return read(connection, ids, in);
        }));
    }

    private List<String> dueIds(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT_DUE)) {
            select.setTimestamp(1, Timestamp.from(now));
            select.setInt(2, batchSize);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    private static List<Claimed> read(Connection connection, List<String> ids, String in) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT_CLAIMED.formatted(in))) {
            for (int i = 0; i < ids.size(); i++) {
                select.setString(i + 1, ids.get(i));
            }
            List<Claimed> claimed = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new Claimed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), new Message(rs.getString(7), rs.getString(8)),
                            rs.getInt(9), rs.getString(10), rs.getString(11)));
                }
            }
            return claimed;
        }
    }

    private void deliver(List<Claimed> claimed) throws InterruptedException {
        if (claimed.isEmpty()) {
            return;
        }
        List<Callable<Void>> tasks = claimed.stream().<Callable<Void>>map(n -> () -> {
            deliver(n);
            return null;
        }).toList();
        // Deliveries still running when the lease is about to end are cancelled; their claims are retried later.
        senders.invokeAll(tasks, lease.minus(LEASE_MARGIN).toMillis(), TimeUnit.MILLISECONDS);
    }

    private void deliver(Claimed notification) {
        try {
            Optional<String> error = webhooks.post(notification.webhookUrl(), notification.id(), body(notification));
            Instant at = now();
            int attempts = notification.attempts() + 1;
            if (error.isEmpty()) {
                notifications.markDelivered(notification.id(), attempts, at);
                return;
            }
            Optional<Duration> delay = retries.delayAfter(attempts);
            NotificationStatus status = delay.isPresent() ? NotificationStatus.PENDING : NotificationStatus.FAILED;
            notifications.markAttemptFailed(notification.id(), status.name(), attempts, at,
                    delay.map(at::plus).orElse(at), error.get());
            LOG.info("Webhook delivery of notification {} failed (attempt {}): {}; {}", notification.id(), attempts,
                    error.get(), delay.map(d -> "next attempt in " + d).orElse("giving up"));
        } catch (InterruptedException e) {
            // Shutting down: the claim's lease ends and another run delivers it.
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("Recording the delivery of notification {} failed; it is retried when its lease ends: {}",
                    notification.id(), e.toString());
        }
    }

    private String body(Claimed n) throws IOException {
        JsonNode change = JsonNode.nullNode();
        if (n.payload() != null) {
            Map<String, Object> fields = json.readValue(n.payload(), Argument.mapOf(String.class, Object.class));
            fields.keySet().removeAll(INTERNAL_FIELDS);
            change = json.writeValueToTree(fields);
        }
        return json.writeValueAsString(new WebhookBody(n.id(), n.eventId(), n.eventType(), n.occupationId(),
                new WebhookBody.Titles(n.titleEn(), n.titleZh()), n.message(), change));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    @PreDestroy
    void close() {
        senders.shutdownNow();
    }

    /** A notification this instance claimed, with what its delivery needs. */
    record Claimed(String id, String eventId, String eventType, String occupationId, String titleEn, String titleZh,
                   Message message, int attempts, String webhookUrl, String payload) {
    }
}

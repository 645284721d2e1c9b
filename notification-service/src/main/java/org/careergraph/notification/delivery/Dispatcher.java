package org.careergraph.notification.delivery;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.careergraph.platform.database.Deadlocks;
import org.careergraph.platform.poll.WakeableJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends pending notifications, at least once, surviving restarts: all state is in the database ({@link DeliveryQueue}).
 *
 * <p>Each run claims due notifications while this instance has room for more in flight, and sends each on a virtual
 * thread, within the {@link EndpointLimits}: a webhook POST ({@link WebhookSender}), an email, or one digest mail for
 * all of a digest subscriber's due notifications ({@link MailSender}). Results are queued and written in batches. A
 * delivery whose lease ran out while it waited is left alone: another run claims it again.
 *
 * <p>The failure policy: a webhook's 2xx delivers; 410 Gone disables the endpoint; anything else is retried on the
 * {@link RetrySchedule}, and a notification failing past the retry window disables the endpoint unless another
 * delivery to it succeeded meanwhile. Mail failures are retried alike but never disable.
 */
@Singleton
class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final String MAIL_ENDPOINT = "smtp";
    private static final Duration ROOM_WAIT = Duration.ofMillis(5);
    /** Results written in one transaction at most. */
    private static final int RECORDED_AT_ONCE = 5_000;

    private final DeliveryQueue queue;
    private final EndpointLimits limits;
    private final WebhookSender webhooks;
    private final MailSender mails;
    private final Clock clock;
    private final RetrySchedule retries;
    private final int batchSize;
    private final int maxInFlight;
    private final Duration lease;
    private final Duration shutdownGrace;
    private final AtomicInteger inFlight = new AtomicInteger();
    /**
     * Results not yet written: beyond one recording's worth, claiming waits, so that a database slow to record them
     * slows the sending instead of letting claims' leases run out (which would send their notifications again).
     */
    private final AtomicInteger unrecorded = new AtomicInteger();
    private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final ExecutorService senders = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("delivery-", 1).factory());
    private final WakeableJob dispatching = new WakeableJob("delivery-dispatch", this::dispatch);
    private volatile boolean stopping;

    Dispatcher(DeliveryQueue queue, EndpointLimits limits, WebhookSender webhooks, MailSender mails, Clock clock,
               DeliverySettings settings) {
        this.queue = queue;
        this.limits = limits;
        this.webhooks = webhooks;
        this.mails = mails;
        this.clock = clock;
        this.retries = new RetrySchedule(settings.retryDelays(), settings.retryJitter());
        this.batchSize = settings.batchSize();
        this.maxInFlight = settings.concurrency() * 4;
        this.lease = settings.lease();
        this.shutdownGrace = settings.shutdownGrace();
    }

    /** Polls; {@link #written} and each recorded batch of results run it at once. */
    @Scheduled(fixedDelay = "${careergraph.notification.delivery.poll-interval:250ms}",
            initialDelay = "${careergraph.notification.delivery.initial-delay:1s}")
    void poll() {
        dispatching.run();
    }

    /** The fan-out committed notifications: they are claimed at once, not at the next poll. */
    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void written(NotificationsWritten notifications) {
        dispatching.wake();
    }

    /**
     * Claims and starts sends until nothing is due; while this instance is full, waits until half its room is free
     * first (fewer, larger claims: each is four statements however many it takes).
     */
    private void dispatch() {
        int enough = Math.min(batchSize, maxInFlight / 2);
        try {
            while (!stopping) {
                int room = maxInFlight - inFlight.get();
                if (room < enough || unrecorded.get() > RECORDED_AT_ONCE) {
                    LockSupport.parkNanos(ROOM_WAIT.toNanos());
                    continue;
                }
                List<ClaimedNotification> claimed = queue.claim(Math.min(batchSize, room), now(), lease);
                if (claimed.isEmpty()) {
                    return;
                }
                start(claimed);
            }
        } catch (Exception e) {
            if (Deadlocks.rolledBack(e)) {
                // Nothing was leased: the same notifications are claimed at the next run.
                LOG.info("Claiming deliveries was rolled back; claimed at the next run: {}", e.toString());
                return;
            }
            LOG.warn("Claiming deliveries failed; they are claimed again when their lease ends: {}", e.toString());
        }
    }

    /** Writes the results gathered so far, in one transaction. */
    @Scheduled(fixedDelay = "${careergraph.notification.delivery.record-interval:100ms}", initialDelay = "1s")
    void record() {
        List<Outcome> batch = new ArrayList<>();
        for (Outcome outcome; batch.size() < RECORDED_AT_ONCE && (outcome = outcomes.poll()) != null; ) {
            batch.add(outcome);
        }
        try {
            queue.record(batch);
            unrecorded.addAndGet(-batch.size());
            if (!batch.isEmpty()) {
                // An occupation's next alert to a subscriber waits until this one is recorded (in order).
                dispatching.wake();
            }
        } catch (Exception e) {
            if (Deadlocks.rolledBack(e)) {
                // A deadlock or a lock timeout undid the whole transaction (the fan-out and the claims write the same
                // rows under load): the same results are written on the next run instead of being sent again.
                outcomes.addAll(batch);
                LOG.info("Recording {} delivery results was rolled back; written on the next run: {}", batch.size(),
                        e.toString());
                return;
            }
            unrecorded.addAndGet(-batch.size());
            LOG.warn("Recording {} delivery results failed; those notifications are sent again when their lease "
                    + "ends: {}", batch.size(), e.toString());
        }
    }

    private void result(Outcome outcome) {
        unrecorded.incrementAndGet();
        outcomes.add(outcome);
    }

    private void start(List<ClaimedNotification> claimed) {
        Map<String, JsonNode> changes = webhooks.changes(claimed);
        Map<String, List<ClaimedNotification>> digests = new LinkedHashMap<>();
        List<Runnable> sends = new ArrayList<>();
        for (ClaimedNotification delivery : claimed) {
            if (!delivery.active()) {
                result(Outcome.failed(delivery, now(), "not sent: the subscription is "
                        + delivery.subscriptionStatus().toLowerCase(Locale.ROOT) + (delivery.statusReason() == null ? ""
                        : " (" + delivery.statusReason() + ")"), null));
            } else if (delivery.digest()) {
                digests.computeIfAbsent(delivery.subscriptionId(), id -> new ArrayList<>()).add(delivery);
            } else if (delivery.webhook()) {
                sends.add(() -> sendWebhook(delivery, changes.getOrDefault(delivery.eventId(), JsonNode.nullNode()),
                        delivery.mergedEventId() == null ? null : changes.get(delivery.mergedEventId())));
            } else {
                sends.add(() -> sendMail(List.of(delivery), () -> mails.sendNotification(delivery)));
            }
        }
        digests.values().forEach(group -> sends.add(() -> sendMail(group, () -> mails.sendDigest(group))));
        inFlight.addAndGet(sends.size());
        for (Runnable send : sends) {
            senders.execute(() -> {
                try {
                    send.run();
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        }
    }

    private void sendWebhook(ClaimedNotification delivery, JsonNode change, JsonNode scoreChange) {
        limits.run(delivery.webhookUrl(), delivery, () -> {
            WebhookClient.Answer answer = webhooks.send(delivery, change, scoreChange);
            Instant done = now();
            if (answer.accepted()) {
                result(Outcome.delivered(delivery, done));
            } else if (answer.status() == 410) {
                result(Outcome.failed(delivery, done, answer.error(), "the endpoint answered 410 Gone"));
            } else {
                result(failure(delivery, done, answer.error(), answer.retryAfter(), true));
            }
        });
    }

    private void sendMail(List<ClaimedNotification> deliveries, MailSend send) {
        limits.run(MAIL_ENDPOINT, deliveries.get(0), () -> {
            Optional<String> error = send.run();
            Instant done = now();
            if (error.isEmpty()) {
                deliveries.forEach(d -> result(Outcome.delivered(d, done)));
            } else {
                deliveries.forEach(d -> result(failure(d, done, error.get(), null, false)));
            }
        });
    }

    private Outcome failure(ClaimedNotification delivery, Instant at, String error, Duration retryAfter,
                            boolean canDisable) {
        Optional<Duration> delay = retries.delayAfter(delivery.attempts() + 1, retryAfter,
                ThreadLocalRandom.current());
        if (delay.isPresent()) {
            LOG.info("Delivery of notification {} failed (attempt {}): {}; next attempt in {}", delivery.id(),
                    delivery.attempts() + 1, error, delay.get());
            return Outcome.retry(delivery, at, at.plus(delay.get()), error);
        }
        LOG.info("Delivery of notification {} failed (attempt {}): {}; giving up", delivery.id(),
                delivery.attempts() + 1, error);
        boolean disable = canDisable && !queue.deliveredSince(delivery.subscriptionId(), delivery.createdAt());
        return Outcome.failed(delivery, at, error, disable ? "failing past the retry window" : null);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Stops claiming, lets sends in flight finish within the grace period and records their results; what is left
     * is sent again when its lease ends.
     */
    @PreDestroy
    void close() throws InterruptedException {
        stopping = true;
        dispatching.close();
        senders.shutdown();
        if (!senders.awaitTermination(shutdownGrace.toMillis(), TimeUnit.MILLISECONDS)) {
            senders.shutdownNow();
        }
        record();
    }

    /** A mail send: empty when sent, else why not. */
    @FunctionalInterface
    private interface MailSend {
        Optional<String> run();
    }
}

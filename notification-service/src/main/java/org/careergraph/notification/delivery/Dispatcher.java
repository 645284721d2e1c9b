package org.careergraph.notification.delivery;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.careergraph.notification.Deadlocks;
import org.careergraph.notification.notification.NotificationsWritten;
import org.careergraph.platform.poll.WakeableJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends pending notifications, at least once, surviving restarts: all state is in the database ({@link DeliveryQueue}).
 *
 * <p>Each run claims due notifications while this instance has room for more in flight, and sends each on a virtual
 * thread: a webhook POST, an email, or one digest mail for all of a digest subscriber's due notifications. At most
 * {@code concurrency} sends run at once, and at most {@code per-endpoint-concurrency} to one webhook URL (the SMTP
 * server counts as one endpoint), so a slow receiver holds up only its own deliveries. Results are queued and written
 * in batches. A delivery whose lease ran out while it waited is left alone: another run claims it again.
 *
 * <p>Webhooks are signed (Standard Webhooks) anew at every attempt; 2xx delivers; 410 Gone disables the endpoint;
 * anything else is retried on the {@link RetrySchedule}, and a notification failing past the retry window disables
 * the endpoint unless another delivery to it succeeded meanwhile. Mail failures are retried alike but never disable.
 */
@Singleton
class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(5);
    private static final String MAIL_ENDPOINT = "smtp";
    private static final Duration ROOM_WAIT = Duration.ofMillis(5);
    /** Results written in one transaction at most. */
    private static final int RECORDED_AT_ONCE = 5_000;
    /** Who made a change is the admins' business, not the subscribers'. */
    private static final Set<String> INTERNAL_FIELDS = Set.of("recordedBy", "changedBy", "withdrawnBy");

    private final DeliveryQueue queue;
    private final WebhookClient webhooks;
    private final WebhookSignature.Secrets secrets;
    private final Mailer mailer;
    private final JsonMapper json;
    private final Clock clock;
    private final RetrySchedule retries;
    private final int batchSize;
    private final int maxInFlight;
    private final int perEndpoint;
    private final Duration lease;
    private final Duration shutdownGrace;
    private final Semaphore sending;
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();
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

    Dispatcher(DeliveryQueue queue, WebhookClient webhooks, WebhookSignature.Secrets secrets, Mailer mailer,
               JsonMapper json, Clock clock,
               @Value("${careergraph.notification.delivery.retry-delays:5s,5m,30m,2h,5h,10h,10h}")
               List<Duration> retryDelays,
               @Value("${careergraph.notification.delivery.retry-jitter:0.2}") double jitter,
               @Value("${careergraph.notification.delivery.batch-size:500}") int batchSize,
               @Value("${careergraph.notification.delivery.concurrency:64}") int concurrency,
               @Value("${careergraph.notification.delivery.per-endpoint-concurrency:4}") int perEndpoint,
               @Value("${careergraph.notification.delivery.lease:60s}") Duration lease,
               @Value("${careergraph.notification.delivery.shutdown-grace:20s}") Duration shutdownGrace) {
        this.queue = queue;
        this.webhooks = webhooks;
        this.secrets = secrets;
        this.mailer = mailer;
        this.json = json;
        this.clock = clock;
        this.retries = new RetrySchedule(retryDelays, jitter);
        this.batchSize = batchSize;
        this.maxInFlight = concurrency * 4;
        this.perEndpoint = perEndpoint;
        this.lease = lease;
        this.shutdownGrace = shutdownGrace;
        this.sending = new Semaphore(concurrency);
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
                List<Delivery> claimed = queue.claim(Math.min(batchSize, room), now(), lease);
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

    private void start(List<Delivery> claimed) {
        Map<String, JsonNode> changes = changes(claimed);
        Map<String, List<Delivery>> digests = new LinkedHashMap<>();
        List<Runnable> sends = new ArrayList<>();
        for (Delivery delivery : claimed) {
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
                sends.add(() -> sendMail(List.of(delivery), () -> mailer.sendNotification(delivery)));
            }
        }
        digests.values().forEach(group -> sends.add(() -> sendMail(group, () -> mailer.sendDigest(group))));
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

    private void sendWebhook(Delivery delivery, JsonNode change, JsonNode scoreChange) {
        withPermits(delivery.webhookUrl(), delivery, () -> {
            Instant at = now();
            String body = json.writeValueAsString(new WebhookBody(delivery.id(), delivery.eventId(),
                    delivery.eventType(), delivery.occupationId(),
                    new WebhookBody.Titles(delivery.titleEn(), delivery.titleZh()), delivery.message(), change,
                    scoreChange));
            long timestamp = at.getEpochSecond();
            WebhookClient.Answer answer = webhooks.post(delivery.webhookUrl(), Map.of(
                    WebhookSignature.ID, delivery.id(),
                    WebhookSignature.TIMESTAMP, String.valueOf(timestamp),
                    // Both signatures while a rotated secret is still valid, so either secret verifies.
                    WebhookSignature.SIGNATURE, WebhookSignature.signAll(secrets.forSigning(delivery.subscriptionId(),
                            delivery.claimToken(), delivery.signingSecret()), delivery.id(), timestamp, body)),
                    body, at);
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

    private void sendMail(List<Delivery> deliveries, Runnable send) {
        withPermits(MAIL_ENDPOINT, deliveries.get(0), () -> {
            try {
                send.run();
                Instant done = now();
                deliveries.forEach(d -> result(Outcome.delivered(d, done)));
            } catch (RuntimeException e) {
                Instant done = now();
                // The exception names our mail library's classes: its detail goes to the log, words to the record.
                LOG.info("Mail for notification {} not sent: {}", deliveries.get(0).id(), e.toString());
                String error = "mail not sent: the mail server could not be reached or refused the message";
                deliveries.forEach(d -> result(failure(d, done, error, null, false)));
            }
        });
    }

    private Outcome failure(Delivery delivery, Instant at, String error, Duration retryAfter, boolean canDisable) {
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

    /** Runs the send within the global and the endpoint's limits, unless the claim's lease ends first. */
    private void withPermits(String endpoint, Delivery delivery, Send send) {
        Endpoint permits = endpoints.compute(endpoint, (url, e) -> (e == null ? new Endpoint(perEndpoint) : e).use());
        try {
            if (!acquire(permits.semaphore, delivery)) {
                return;
            }
            try {
                if (!acquire(sending, delivery)) {
                    return;
                }
                try {
                    send.run();
                } finally {
                    sending.release();
                }
            } finally {
                permits.semaphore.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("Sending notification {} failed; it is sent again when its lease ends: {}", delivery.id(),
                    e.toString());
        } finally {
            endpoints.computeIfPresent(endpoint, (url, e) -> e.release());
        }
    }

    /** Waits for a permit, at most until shortly before the claim's lease ends. */
    private boolean acquire(Semaphore semaphore, Delivery delivery) throws InterruptedException {
        long wait = Duration.between(now(), delivery.leaseEnds().minus(LEASE_MARGIN)).toMillis();
        return semaphore.tryAcquire(Math.max(0, wait), TimeUnit.MILLISECONDS);
    }

    /** The permits of one endpoint, kept while a send to it is waiting or running (changed only inside compute). */
    private static final class Endpoint {

        final Semaphore semaphore;
        private int users;

        Endpoint(int permits) {
            this.semaphore = new Semaphore(permits);
        }

        Endpoint use() {
            users++;
            return this;
        }

        /** Null (forgotten) when nobody uses it any more. */
        Endpoint release() {
            return --users == 0 ? null : this;
        }
    }

    /** Each event's payload once per batch, without who made the change. */
    private Map<String, JsonNode> changes(List<Delivery> claimed) {
        Set<String> eventIds = claimed.stream().filter(Delivery::webhook)
                .flatMap(d -> Stream.of(d.eventId(), d.mergedEventId())).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<String, JsonNode> changes = new HashMap<>();
        queue.payloads(eventIds).forEach((eventId, payload) -> {
            try {
                Map<String, Object> fields = json.readValue(payload, Argument.mapOf(String.class, Object.class));
                fields.keySet().removeAll(INTERNAL_FIELDS);
                changes.put(eventId, json.writeValueToTree(fields));
            } catch (IOException e) {
                LOG.warn("Payload of event {} is not JSON; webhooks get no change: {}", eventId, e.toString());
            }
        });
        return changes;
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

    @FunctionalInterface
    private interface Send {
        void run() throws Exception;
    }
}

package org.careergraph.notification.delivery;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many sends run at once: at most {@code concurrency} on this instance, and at most
 * {@code per-endpoint-concurrency} to one endpoint (a webhook URL; the SMTP server counts as one), so that a slow
 * receiver holds up only its own deliveries. A send waits for its turn at most until shortly before its claim's lease
 * ends; then it is left for the next claim.
 */
@Singleton
class EndpointLimits {

    private static final Logger LOG = LoggerFactory.getLogger(EndpointLimits.class);
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(5);

    /** A send, which may throw: it is then sent again when its lease ends. */
    @FunctionalInterface
    interface Send {
        void run() throws Exception;
    }

    private final Clock clock;
    private final int perEndpoint;
    private final Semaphore sending;
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();

    EndpointLimits(Clock clock, DeliverySettings settings) {
        this.clock = clock;
        this.perEndpoint = settings.perEndpointConcurrency();
        this.sending = new Semaphore(settings.concurrency());
    }

    /** Runs the send within the global and the endpoint's limits, unless the claim's lease ends first. */
    void run(String endpoint, ClaimedNotification delivery, Send send) {
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
    private boolean acquire(Semaphore semaphore, ClaimedNotification delivery) throws InterruptedException {
        long wait = Duration.between(clock.instant(), delivery.leaseEnds().minus(LEASE_MARGIN)).toMillis();
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
}

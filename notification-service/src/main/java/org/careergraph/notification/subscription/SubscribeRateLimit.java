package org.careergraph.notification.subscription;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.careergraph.platform.web.ProblemException;

/**
 * A token bucket per client ({@link ClientAddress}) for making subscriptions and changing a webhook URL: each costs
 * an outgoing call (a verification request or a confirmation mail), so one client cannot make the service flood
 * others. Each instance counts its own clients.
 */
@Singleton
class SubscribeRateLimit {

    /** Tokens left, as of {@code at} (System.nanoTime). */
    private record Bucket(double tokens, long at) {
    }

    private final ClientAddress clients;
    private final double burst;
    private final long refillNanos;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    SubscribeRateLimit(ClientAddress clients, SubscribeLimits limits) {
        this.clients = clients;
        this.burst = limits.perClientBurst();
        this.refillNanos = limits.perClientRefillEvery().toNanos();
    }

    /** Takes one token for this request's client, or refuses with 429 and the seconds until it may ask again. */
    void take(HttpRequest<?> request) {
        String client = clients.of(request);
        long now = System.nanoTime();
        long[] wait = {0};
        buckets.compute(client, (key, bucket) -> {
            double tokens = bucket == null ? burst : refilled(bucket, now);
            if (tokens >= 1) {
                return new Bucket(tokens - 1, now);
            }
            wait[0] = (long) Math.ceil((1 - tokens) * refillNanos);
            return new Bucket(tokens, now);
        });
        if (wait[0] > 0) {
            throw ProblemException.tryAgainLater(HttpStatus.TOO_MANY_REQUESTS, "Too many subscriptions from this "
                    + "address; try again after the seconds in Retry-After.", Duration.ofNanos(wait[0]));
        }
    }

    /** Clients whose bucket is full again are forgotten, so that the map holds only recent clients. */
    @Scheduled(fixedDelay = "1m", initialDelay = "1m")
    void forgetFull() {
        long now = System.nanoTime();
        buckets.entrySet().removeIf(e -> refilled(e.getValue(), now) >= burst);
    }

    private double refilled(Bucket bucket, long now) {
        return Math.min(burst, bucket.tokens() + (double) (now - bucket.at()) / refillNanos);
    }
}

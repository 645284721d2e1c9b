package org.careergraph.notification.subscription;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;
import java.util.List;

/**
 * Limits on making subscriptions, against abuse (defaults in application.yml).
 *
 * @param perClientBurst       {@code careergraph.notification.subscribe-limits.per-client-burst}: how many
 *                             subscriptions (or webhook URL changes) one client may ask for at once
 * @param perClientRefillEvery {@code ...per-client-refill-every}: then one more each time this passes
 * @param perWebhookUrl        {@code ...per-webhook-url}: subscriptions to one webhook URL (its scheme, host, port and
 *                             path), whoever made them
 * @param trustedProxies       {@code ...trusted-proxies}: the peers (addresses or CIDR ranges) whose
 *                             {@code X-Forwarded-For} names the client: the gateway or ingress in front of the service
 */
@ConfigurationProperties("careergraph.notification.subscribe-limits")
record SubscribeLimits(int perClientBurst, Duration perClientRefillEvery, int perWebhookUrl,
                       List<String> trustedProxies) {

    SubscribeLimits {
        if (perClientBurst < 1 || perClientRefillEvery.isNegative() || perClientRefillEvery.isZero()
                || perWebhookUrl < 1) {
            throw new IllegalArgumentException("careergraph.notification.subscribe-limits: per-client-burst and "
                    + "per-webhook-url must be 1 or more, per-client-refill-every longer than zero");
        }
        trustedProxies = List.copyOf(trustedProxies);
    }
}

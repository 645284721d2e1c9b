package org.careergraph.notification.subscription;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.http.HttpStatus;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.careergraph.notification.delivery.WebhookVerifier;
import org.careergraph.platform.web.ProblemException;

/**
 * What a webhook URL must pass before a subscription to it is stored: its endpoint has room under the cap
 * ({@link SubscribeLimits#perWebhookUrl}) and it answers the verification request ({@link WebhookVerifier}). Each
 * refusal is a 422 on {@code webhookUrl}, and nothing is stored.
 */
@Singleton
class WebhookEndpoints {

    static final String FIELD = "webhookUrl";

    private final SubscriptionRepository subscriptions;
    private final WebhookVerifier verifier;
    private final int cap;

    WebhookEndpoints(SubscriptionRepository subscriptions, WebhookVerifier verifier, SubscribeLimits limits) {
        this.subscriptions = subscriptions;
        this.verifier = verifier;
        this.cap = limits.perWebhookUrl();
    }

    /**
     * Checks the room (a cheap first look) and sends the verification request, signed with the subscription's
     * valid secrets (current first); then readies the endpoint's lock for {@link #holdRoom}, which the storing
     * transaction calls.
     *
     * @param countedAlready whether one of the endpoint's subscriptions is the one being changed
     */
    void admit(String url, String endpoint, List<String> signingSecrets, boolean countedAlready) {
        checkRoom(endpoint, countedAlready);
        Optional<String> failure;
        try {
            failure = verifier.failure(url, signingSecrets);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "The service is stopping; nothing was "
                    + "stored. Try again.", List.of());
        }
        failure.ifPresent(what -> {
            throw ProblemException.invalidField(FIELD, "did not pass verification: the endpoint " + what
                    + ". It must answer our signed verification POST with 2xx echoing the challenge (see the "
                    + "webhook documentation)");
        });
        subscriptions.addEndpointLock(ManageTokens.hash(endpoint));
    }

    /**
     * Subscriptions from before the cap kept their URL as given (migration V7): at start they get its normal form,
     * so that they count for every spelling of their endpoint. Idempotent; each instance may run it.
     */
    @EventListener
    void normalizeOlderEndpoints(StartupEvent started) {
        for (Subscription older : subscriptions.findWithUnnormalizedEndpoint()) {
            String endpoint = WebhookUrls.endpoint(older.webhookUrl());
            if (!endpoint.equals(older.webhookEndpoint())) {
                subscriptions.updateWebhookEndpoint(older.id(), endpoint);
            }
        }
    }

    /** Inside the storing transaction: waits for other subscriptions to the endpoint, then counts again. */
    void holdRoom(String endpoint, boolean countedAlready) {
        subscriptions.lockEndpoint(ManageTokens.hash(endpoint));
        checkRoom(endpoint, countedAlready);
    }

    private void checkRoom(String endpoint, boolean countedAlready) {
        long others = subscriptions.countByWebhookEndpoint(endpoint) - (countedAlready ? 1 : 0);
        if (others >= cap) {
            throw ProblemException.invalidField(FIELD, "has " + cap + " subscriptions already, the most one webhook "
                    + "URL may have (URLs that differ only in their query count as one); cancel one of them or use "
                    + "another URL");
        }
    }
}

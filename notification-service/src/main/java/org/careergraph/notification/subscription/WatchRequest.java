package org.careergraph.notification.subscription;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/** What a new subscription and a change to one both may say about what to watch, and how to tell. */
interface WatchRequest {

    @Nullable String emailDelivery();

    @Nullable String webhookUrl();

    @Nullable List<String> occupationIds();

    @Nullable List<SubscriptionRequest.Prefix> codePrefixes();

    @Nullable List<String> countries();

    @Nullable Boolean anyGreenListChange();

    @Nullable List<String> kinds();
}

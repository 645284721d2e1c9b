package org.careergraph.notification.subscription;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import org.careergraph.notification.delivery.Delivery;
import org.careergraph.notification.delivery.DeliveryPage;

/**
 * Anyone may subscribe; the answer holds the subscription's manage token, which every later call about it needs in
 * the {@value #MANAGE_TOKEN} header. Creating (and changing a webhook URL) is limited per client
 * ({@link SubscribeRateLimit}). Blocking executor: creating resolves the webhook host through DNS and sends the
 * verification request or the confirmation mail.
 */
@Controller("/api/subscriptions")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class SubscriptionController {

    static final String MANAGE_TOKEN = "X-Manage-Token";

    private final Subscriptions subscriptions;
    private final SubscribeRateLimit rateLimit;

    SubscriptionController(Subscriptions subscriptions, SubscribeRateLimit rateLimit) {
        this.subscriptions = subscriptions;
        this.rateLimit = rateLimit;
    }

    @Post
    HttpResponse<ViewModels.Created> create(HttpRequest<?> http, @Body @Valid SubscriptionRequest request) {
        rateLimit.take(http);
        ViewModels.Created created = subscriptions.create(request);
        return HttpResponse.created(created, URI.create("/api/subscriptions/" + created.id()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Get("/{id}")
    ViewModels.View get(@PathVariable String id, @Header(MANAGE_TOKEN) @Nullable String token) {
        return subscriptions.find(id, token);
    }

    @Patch("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    ViewModels.View update(HttpRequest<?> http, @PathVariable String id, @Header(MANAGE_TOKEN) @Nullable String token,
                           @Body @Valid SubscriptionPatch patch) {
        // A new URL costs a verification request, like a new subscription; the same URL again costs nothing.
        return subscriptions.update(id, token, patch, () -> rateLimit.take(http));
    }

    @Delete("/{id}")
    HttpResponse<Void> delete(@PathVariable String id, @Header(MANAGE_TOKEN) @Nullable String token) {
        subscriptions.delete(id, token);
        return HttpResponse.noContent();
    }

    @Get("/{id}/deliveries")
    DeliveryPage deliveries(@PathVariable String id, @Header(MANAGE_TOKEN) @Nullable String token,
                                          @QueryValue(defaultValue = "0") @Min(0) int page,
                                          @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size) {
        return subscriptions.deliveries(id, token, page, size);
    }

    /**
     * Rotates a webhook subscription's signing secret: a new {@code whsec_} secret, answered here only, signs every
     * delivery from now on. The secret it replaces stays valid for the overlap ({@code ?overlap=}, an ISO 8601
     * duration from {@code PT0S} to {@code P7D}; left out, the configured overlap, 24 hours by default), and
     * until then every delivery and verification request carries both signatures, the new one first, so that the
     * receiver can switch secrets without losing a message. A rotation during an overlap drops the older secret: at most two are valid.
     * 409 for an email subscription (it has no secret); 422 on {@code overlap} when it is out of bounds.
     */
    @Post("/{id}/secret-rotation")
    HttpResponse<ViewModels.Rotated> rotateSecret(@PathVariable String id,
                                                  @Header(MANAGE_TOKEN) @Nullable String token,
                                                  @QueryValue @Nullable String overlap) {
        // A query value, not an optional JSON body: nothing to send for the usual rotation.
        return HttpResponse.ok(subscriptions.rotateSecret(id, token, new SecretRotationRequest(overlap)))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** Sends a delivered or failed notification again (202: it is pending now). */
    @Post("/{id}/deliveries/{deliveryId}/replay")
    HttpResponse<Delivery> replay(@PathVariable String id, @PathVariable String deliveryId,
                                                @Header(MANAGE_TOKEN) @Nullable String token) {
        return HttpResponse.accepted().body(subscriptions.replay(id, token, deliveryId));
    }
}

package org.careergraph.web.watch;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.careergraph.web.api.Answer;
import org.careergraph.web.api.ForwardedFor;
import org.careergraph.web.api.NotificationClient;
import org.careergraph.web.view.Form;
import org.careergraph.web.view.Views;

/**
 * Managing a subscription with its id and manage token: see it and its deliveries, change what it watches for,
 * pause or resume it, unsubscribe. The token travels only in form bodies (never in a URL), and these pages are
 * never cached ({@code SecurityHeaders}). An id, token or field that is no one line of text is refused with 400
 * before anything is sent.
 */
@Controller("/subscriptions")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class ManageController {

    /** The latest deliveries a manage page lists. */
    private static final int DELIVERIES = 20;
    /** The fields that open a subscription, and those of a change: each holds one line. */
    private static final List<String> KEY = List.of("id", "token");
    private static final List<String> CHANGE = List.of("kinds", "enabled", "wasEnabled", "emailDelivery",
            "webhookUrl");

    private final NotificationClient notification;
    private final Views views;

    ManageController(NotificationClient notification, Views views) {
        this.notification = notification;
        this.views = views;
    }

    @Get("/manage")
    HttpResponse<String> askForKey(HttpRequest<?> request) {
        return page(request, HttpStatus.OK, "manage-key", Map.of("notFound", false));
    }

    @Post("/manage")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<String> open(HttpRequest<?> request, @Body @Nullable String body) {
        Form form = Form.parse(body);
        if (!form.notOneLine(KEY).isEmpty()) {
            return keyRefused(request);
        }
        return manage(request, form.get("id"), form.get("token"), Map.of(), null, null);
    }

    @Post("/change")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<String> change(HttpRequest<?> request, @Body @Nullable String body) {
        Form form = Form.parse(body);
        if (!form.notOneLine(KEY).isEmpty()) {
            return keyRefused(request);
        }
        String id = form.get("id");
        String token = form.get("token");
        if (id == null || token == null) {
            return manage(request, id, token, Map.of(), null, null);
        }
        List<String> unfit = form.notOneLine(CHANGE);
        if (!unfit.isEmpty()) {
            // Nothing is sent: the page shows the subscription as stored, with each refused field's error.
            Map<String, String> errors = views.notOneLine(request, unfit);
            return manage(request, id, token, errors, null, form.without(unfit)).status(HttpStatus.BAD_REQUEST);
        }
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("kinds", form.all("kinds"));
        // Only a change of the box is sent: an unconfirmed address cannot be enabled, and need not be.
        boolean enabled = "true".equals(form.get("enabled"));
        if (enabled != "true".equals(form.get("wasEnabled"))) {
            patch.put("enabled", enabled);
        }
        if (form.get("emailDelivery") != null) {
            patch.put("emailDelivery", form.get("emailDelivery"));
        }
        if (form.get("webhookUrl") != null) {
            patch.put("webhookUrl", form.get("webhookUrl"));
        }
        Answer<Void> changed = notification.change(id, token, patch, ForwardedFor.of(request));
        if (changed.isSuccess()) {
            return manage(request, id, token, Map.of(), "manage.saved", null);
        }
        return manage(request, id, token, FieldErrors.forForm(changed.problem()), null, form);
    }

    @Post("/unsubscribe")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<String> unsubscribe(HttpRequest<?> request, @Body @Nullable String body) {
        Form form = Form.parse(body);
        if (!form.notOneLine(KEY).isEmpty()) {
            return keyRefused(request);
        }
        String id = form.get("id");
        String token = form.get("token");
        if (id != null && token != null) {
            if (notification.unsubscribe(id, token).status() == 204) {
                return page(request, HttpStatus.OK, "unsubscribed", Map.of());
            }
        }
        return manage(request, id, token, Map.of("form", views.context(request).getT().get("manage.notUnsubscribed")),
                null, null);
    }

    /**
     * An id or token that is no one line of printable text (a control character, no UTF-8) is no key at all: 400 and
     * the key form, with nothing sent to the notification service.
     */
    private MutableHttpResponse<String> keyRefused(HttpRequest<?> request) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("notFound", false);
        model.put("problem", views.context(request).getT().get("manage.keyUnfit"));
        return page(request, HttpStatus.BAD_REQUEST, "manage-key", model);
    }

    /**
     * The manage page, or the key form again when the id and token open nothing (the same for a wrong token). After
     * a refused change the form shows what was {@code submitted}, beside the errors, rather than what is stored.
     */
    private MutableHttpResponse<String> manage(HttpRequest<?> request, @Nullable String id, @Nullable String token,
                                        Map<String, String> errors, @Nullable String message,
                                        @Nullable Form submitted) {
        Answer<Map<String, Object>> subscription = id == null || token == null ? null
                : notification.subscription(id, token);
        if (subscription == null || !subscription.isSuccess()) {
            return page(request, HttpStatus.NOT_FOUND, "manage-key", Map.of("notFound", true,
                    "id", id == null ? "" : id));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("subscription", subscription.value());
        model.put("token", token);
        model.put("deliveries", notification.deliveries(id, token, DELIVERIES).items());
        model.put("kinds", WatchForm.KINDS);
        model.put("errors", errors);
        model.put("message", message);
        model.put("submitted", submitted);
        return page(request, errors.isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY, "manage", model);
    }

    private MutableHttpResponse<String> page(HttpRequest<?> request, HttpStatus status, String view,
                                      Map<String, Object> model) {
        return views.page(request, status, view, model);
    }
}

package org.careergraph.web.watch;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import java.util.Map;
import org.careergraph.web.api.Answer;
import org.careergraph.web.api.ForwardedFor;
import org.careergraph.web.api.NotificationClient;
import org.careergraph.web.career.CareerController;
import org.careergraph.web.view.Form;
import org.careergraph.web.view.Views;

/** Watching an occupation from its career page: by email (confirmed by a mail) or by a signed webhook. */
@Controller("/occupations")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class WatchController {

    private final NotificationClient notification;
    private final Views views;
    private final CareerController careerPages;

    WatchController(NotificationClient notification, Views views, CareerController careerPages) {
        this.notification = notification;
        this.views = views;
        this.careerPages = careerPages;
    }

    /**
     * Subscribes, then shows the manage key (and a webhook's signing secret) once; a refused request shows the career
     * page again with the form filled in and each field's error. A field that is no one line of text (a control
     * character, no UTF-8) is refused here, with 400, before anything is sent.
     */
    @Post("/{id}/watch")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<String> watch(HttpRequest<?> request, @PathVariable String id, @Body @Nullable String body) {
        Form submitted = Form.parse(body);
        List<String> unfit = submitted.notOneLine(WatchForm.FIELDS);
        if (!unfit.isEmpty()) {
            // Nothing is sent: the form comes back without what was refused, each such field with its error.
            Map<String, String> errors = views.notOneLine(request, unfit);
            return careerPages.page(request, id, WatchForm.of(submitted.without(unfit)).withErrors(errors))
                    .status(HttpStatus.BAD_REQUEST);
        }
        WatchForm form = WatchForm.of(submitted);
        Answer<Map<String, Object>> created = notification.subscribe(form.request(id), ForwardedFor.of(request));
        if (created.status() == 201) {
            return views.page(request, "subscribed", Map.of("subscription", created.value(), "occupationId", id));
        }
        // A refused request shows the page with the form again; too many unconfirmed subscriptions stays a 429.
        return careerPages.page(request, id,
                form.withErrors(FieldErrors.forForm(created.problem())))
                .status(created.status() == 429 ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.UNPROCESSABLE_ENTITY);
    }
}

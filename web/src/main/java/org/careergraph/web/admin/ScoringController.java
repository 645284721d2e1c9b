package org.careergraph.web.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.math.BigDecimal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.careergraph.web.api.Answer;
import org.careergraph.web.api.Problem;
import org.careergraph.web.api.ScoringClient;
import org.careergraph.web.api.ScoringModel;
import org.careergraph.web.view.Form;
import org.careergraph.web.view.PageContext;
import org.careergraph.web.view.Views;

/**
 * The scoring weights in the admin console: the model in force and its latest re-score, new weights with a preview
 * of the scores that would move, and saving them (the scoring service re-scores the catalog in the background).
 */
@Controller("/admin/scoring")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class ScoringController {

    /** The outcomes this controller redirects with. */
    private static final List<String> DONE = List.of("queued", "unchanged");
    /** Every field the form sends but the form token: each holds one line. */
    private static final List<String> FIELDS = Stream.concat(PageContext.DIMENSIONS.stream().map(d -> "weights." + d),
            Stream.of("note", "action")).toList();

    private final ScoringClient scoring;
    private final AdminSession session;
    private final Views views;

    ScoringController(ScoringClient scoring, AdminSession session, Views views) {
        this.scoring = scoring;
        this.session = session;
        this.views = views;
    }

    @Get
    HttpResponse<String> weights(HttpRequest<?> request, @QueryValue @Nullable String done) {
        if (done != null && !DONE.contains(done)) {
            return views.refusedParameter(request, "done");
        }
        ScoringModel current = scoring.model();
        Map<String, String> weights = new LinkedHashMap<>();
        if (current.weights() != null) {
            PageContext.DIMENSIONS.forEach(d -> weights.put(d, current.weights().get(d)));
        }
        return render(request, HttpStatus.OK, current, weights, "", Map.of(), null, null, done);
    }

    /** {@code action=preview} shows the scores that would move; {@code save} makes the weights the new model. */
    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> submit(HttpRequest<?> request, @Body @Nullable String body) {
        Form form = Form.parse(body);
        if (!session.csrfMatches(request, form.get("csrf"))) {
            return views.error(request, HttpStatus.FORBIDDEN, "error.csrf");
        }
        ScoringModel current = scoring.model();
        List<String> unfit = form.notOneLine(FIELDS);
        if (!unfit.isEmpty()) {
            // Nothing is previewed or saved: the form comes back without what was refused.
            Map<String, String> errors = views.notOneLine(request, unfit);
            Form kept = form.without(unfit);
            Map<String, String> weights = new LinkedHashMap<>();
            PageContext.DIMENSIONS.forEach(d -> weights.put(d, kept.get("weights." + d)));
            return render(request, HttpStatus.BAD_REQUEST, current, weights, kept.get("note"), errors, null, null,
                    null);
        }
        Map<String, String> weights = new LinkedHashMap<>();
        PageContext.DIMENSIONS.forEach(d -> weights.put(d, form.get("weights." + d)));
        String note = form.get("note");

        // Only the weights change: every other parameter of the model in force goes as it is.
        Map<String, Object> model = new LinkedHashMap<>(current.inForce());
        Map<String, Object> newWeights = new LinkedHashMap<>();
        weights.forEach((dimension, value) -> newWeights.put(dimension, number(value)));
        model.put("weights", newWeights);

        String token = session.token(request).orElseThrow();
        if ("save".equals(form.get("action"))) {
            Answer<Void> saved = scoring.saveModel(model, note, token);
            return saved.isSuccess() ? HttpResponse.seeOther(URI.create("/admin/scoring?done="
                    + (saved.status() == 202 ? "queued" : "unchanged")))
                    : refused(request, current, weights, note, saved.problem());
        }
        Answer<Map<String, Object>> preview = scoring.previewModel(model, note, token);
        return preview.isSuccess()
                ? render(request, HttpStatus.OK, current, weights, note, Map.of(), preview.value(), null, null)
                : refused(request, current, weights, note, preview.problem());
    }

    /** The form again with the service's errors by weight (else its problem's detail). */
    private HttpResponse<String> refused(HttpRequest<?> request, ScoringModel current, Map<String, String> weights,
                                         @Nullable String note, Problem problem) {
        Map<String, String> errors = new LinkedHashMap<>();
        problem.fieldErrors().forEach((field, message) -> errors.put(field.replaceFirst("^model\\.", ""), message));
        return render(request, HttpStatus.UNPROCESSABLE_ENTITY, current, weights, note, errors, null,
                errors.isEmpty() ? problem.detail() : null, null);
    }

    private HttpResponse<String> render(HttpRequest<?> request, HttpStatus status, ScoringModel current,
                                                     Map<String, String> weights, @Nullable String note,
                                                     Map<String, String> errors, @Nullable Map<String, Object> preview,
                                                     @Nullable String problem, @Nullable String done) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("current", current.document());
        model.put("weights", weights);
        model.put("note", note == null ? "" : note);
        model.put("errors", errors);
        model.put("preview", preview);
        model.put("problem", problem);
        model.put("done", done);
        return views.page(request, status, "admin/scoring", model);
    }

    /** A weight as the API takes it; text that is no number goes as it is, for the API to name. */
    @Nullable
    private static Object number(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            return value;
        }
    }
}

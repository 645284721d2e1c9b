package org.careergraph.scoring.rescore;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.careergraph.security.Roles;
import org.careergraph.platform.web.Problem.FieldError;
import org.careergraph.platform.web.ProblemException;
import org.careergraph.scoring.model.ModelVersion;
import org.careergraph.scoring.model.Models;
import org.careergraph.scoring.model.ScoringModel;

/**
 * The scoring model in force, which anyone may read (to recompute a score by hand), and which an admin replaces: the
 * catalog is then re-scored in the background, and the job's progress is served here. An admin can first preview
 * what a model would do to the scores.
 */
@Controller("/api/scoring")
class ScoringModelController {

    private static final int MAX_NOTE = 500;

    private final Models models;
    private final ModelChanges changes;
    private final Rescorer rescorer;
    private final Clock clock;

    ScoringModelController(Models models, ModelChanges changes, Rescorer rescorer, Clock clock) {
        this.models = models;
        this.changes = changes;
        this.rescorer = rescorer;
        this.clock = clock;
    }

    @Get("/model")
    @Secured(SecurityRule.IS_ANONYMOUS)
    ModelView get() {
        return view(models.active(), changes.latest());
    }

    @Get("/models/{version}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    ModelView version(@PathVariable int version) {
        return view(models.find(version).orElseThrow(() -> ProblemException.notFound("No scoring model version "
                + version + ".")), Optional.empty());
    }

    /**
     * 202 with the new version and its queued re-score job (Location: the job); 200 with the model in force when the
     * body is that model already (nothing is re-scored).
     */
    @Put("/model")
    @Secured(Roles.ADMIN)
    HttpResponse<ModelView> put(@Body ModelRequest request, Authentication admin) {
        validate(request);
        Optional<RescoreJob> job = changes.put(request.model(), request.note(), admin.getName());
        if (job.isEmpty()) {
            return HttpResponse.ok(get());
        }
        rescorer.trigger();
        return HttpResponse.<ModelView>status(HttpStatus.ACCEPTED).body(view(models.active(), job))
                .headers(h -> h.location(URI.create("/api/scoring/rescores/" + job.get().id())));
    }

    /** What the PUT of the same body would do to the scores, stored and published nowhere. */
    @Post("/model/preview")
    @Secured(Roles.ADMIN)
    ModelPreview preview(@Body ModelRequest request, Authentication admin) {
        validate(request);
        return changes.preview(request.model(), request.note(), admin.getName());
    }

    @Get("/rescores/{id}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    RescoreProgress rescore(@PathVariable long id) {
        return changes.find(id).map(job -> RescoreProgress.of(job, clock.instant()))
                .orElseThrow(() -> ProblemException.notFound("No re-score job " + id + "."));
    }

    /** A 422 listing every bad field, so that nothing half-valid is put in force or previewed. */
    private static void validate(ModelRequest request) {
        List<FieldError> errors = new ArrayList<>(request.model() == null
                ? List.of(new FieldError("model", "must be given")) : request.model().problems("model"));
        if (request.note() != null && request.note().length() > MAX_NOTE) {
            errors.add(new FieldError("note", "must be at most " + MAX_NOTE + " characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
    }

    private ModelView view(ModelVersion version, Optional<RescoreJob> job) {
        return new ModelView(version.version(), version.model(), version.note(), version.createdBy(),
                version.createdAt(), job.map(j -> RescoreProgress.of(j, clock.instant())).orElse(null));
    }

    /** A model to put in force, and why. */
    @Serdeable
    record ModelRequest(@Nullable ScoringModel model, @Nullable String note) {
    }

    /** A model version and, for the one in force, the latest re-score job. */
    @Serdeable
    record ModelView(int version, ScoringModel model, @Nullable String note, String createdBy, Instant createdAt,
                     @Nullable RescoreProgress rescore) {
    }
}

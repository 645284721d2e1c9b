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
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.careergraph.web.api.Answer;
import org.careergraph.web.api.ImmigrationClient;
import org.careergraph.web.api.Listing;
import org.careergraph.web.api.Problem;
import org.careergraph.web.view.Form;
import org.careergraph.web.view.Views;

/**
 * Policy updates in the admin console: the audit trail, a new update with a preview of the occupations whose status
 * it moves, and withdrawing an announced update before its date.
 */
@Controller("/admin/policy-updates")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class PolicyController {

    static final List<String> COUNTRIES = List.of("NZ", "US");
    private static final int PAGE_SIZE = 20;
    private static final int LAST_PAGE = 10_000;
    private static final Set<String> DONE = Set.of("recorded", "withdrawn", "notWithdrawn");

    private final ImmigrationClient immigration;
    private final AdminSession session;
    private final Views views;

    PolicyController(ImmigrationClient immigration, AdminSession session, Views views) {
        this.immigration = immigration;
        this.session = session;
        this.views = views;
    }

    @Get
    HttpResponse<String> auditTrail(HttpRequest<?> request, @QueryValue @Nullable String country,
                                                 @QueryValue @Nullable Integer page,
                                                 @QueryValue @Nullable String done) {
        Optional<String> refused = page != null && (page < 0 || page > LAST_PAGE) ? Optional.of("page")
                : country != null && !country.isEmpty() && !COUNTRIES.contains(country) ? Optional.of("country")
                : done != null && !DONE.contains(done) ? Optional.of("done") : Optional.empty();
        if (refused.isPresent()) {
            return views.refusedParameter(request, refused.get());
        }
        int pageNumber = page == null ? 0 : page;
        Answer<Listing> trail = immigration.policyUpdates(country, pageNumber, PAGE_SIZE, token(request));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("country", country);
        model.put("countries", COUNTRIES);
        model.put("updates", trail.value().items());
        model.put("problem", trail.isSuccess() ? null : trail.problem().detail());
        long total = trail.value().total();
        model.put("total", total);
        model.put("pageNumber", pageNumber);
        model.put("hasNext", (long) (pageNumber + 1) * PAGE_SIZE < total);
        // Only the outcomes this controller redirects with (checked above): the parameter is no channel for text.
        model.put("done", done);
        return views.page(request, "admin/policy-updates", model);
    }

    @Get("/new")
    HttpResponse<String> newUpdate(HttpRequest<?> request, @QueryValue @Nullable String country) {
        if (country != null && !country.isEmpty() && !COUNTRIES.contains(country)) {
            return views.refusedParameter(request, "country");
        }
        return form(request, HttpStatus.OK, PolicyForm.empty(country), Map.of(), null, null);
    }

    /** {@code action=preview} shows what the update would do and stores nothing; {@code publish} records it. */
    @Post("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> submit(HttpRequest<?> request, @Body @Nullable String body) {
        Form submitted = Form.parse(body);
        if (!session.csrfMatches(request, submitted.get("csrf"))) {
            return views.error(request, HttpStatus.FORBIDDEN, "error.csrf");
        }
        List<String> unfit = submitted.notOneLine(PolicyForm.fieldNames());
        if (!unfit.isEmpty()) {
            Map<String, String> errors = views.notOneLine(request, unfit);
            return form(request, HttpStatus.BAD_REQUEST, PolicyForm.of(submitted.without(unfit)), errors, null, null);
        }
        PolicyForm form = PolicyForm.of(submitted);
        String valueOrRemove = views.context(request).getT().get("admin.policy.valueOrRemove");
        Map<String, String> missing = form.missingValues(valueOrRemove);
        if (!missing.isEmpty()) {
            return form(request, HttpStatus.UNPROCESSABLE_ENTITY, form, missing, null, null);
        }
        boolean publish = "publish".equals(submitted.get("action"));
        if (publish) {
            Answer<Void> recorded = immigration.recordPolicyUpdate(form.request(), token(request));
            return recorded.isSuccess() ? HttpResponse.seeOther(URI.create("/admin/policy-updates?done=recorded"))
                    : refused(request, form, recorded.problem());
        }
        Answer<Map<String, Object>> preview = immigration.previewPolicyUpdate(form.request(), token(request));
        return preview.isSuccess() ? form(request, HttpStatus.OK, form, Map.of(), preview.value(), null)
                : refused(request, form, preview.problem());
    }

    /** The form again with the service's errors, each row's on its row (or its problem's detail). */
    private HttpResponse<String> refused(HttpRequest<?> request, PolicyForm form, Problem problem) {
        return form(request, HttpStatus.UNPROCESSABLE_ENTITY, form, form.formErrors(problem.fieldErrors()), null,
                problem.detail());
    }

    @Post("/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> withdraw(HttpRequest<?> request, @PathVariable String id, @Body @Nullable String body) {
        Form form = Form.parse(body);
        if (!session.csrfMatches(request, form.get("csrf"))) {
            return views.error(request, HttpStatus.FORBIDDEN, "error.csrf");
        }
        if (!form.notOneLine(List.of("reason")).isEmpty()) {
            return views.error(request, HttpStatus.BAD_REQUEST, "error.badRequest",
                    views.context(request).getT().get("form.notOneLine"));
        }
        Answer<Void> answer = immigration.withdrawPolicyUpdate(id, form.get("reason"), token(request));
        return HttpResponse.seeOther(URI.create("/admin/policy-updates?done="
                + (answer.isSuccess() ? "withdrawn" : "notWithdrawn")));
    }

    private HttpResponse<String> form(HttpRequest<?> request, HttpStatus status, PolicyForm form,
                                                   Map<String, String> errors, @Nullable Map<String, Object> preview,
                                                   @Nullable String problem) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("form", form);
        model.put("countries", COUNTRIES);
        model.put("kinds", immigration.ruleKinds());
        model.put("errors", errors);
        model.put("preview", preview);
        model.put("problem", errors.isEmpty() ? problem : null);
        return views.page(request, status, "admin/policy-form", model);
    }

    private String token(HttpRequest<?> request) {
        return session.token(request).orElseThrow();
    }
}

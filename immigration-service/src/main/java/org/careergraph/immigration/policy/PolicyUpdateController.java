package org.careergraph.immigration.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.careergraph.immigration.rules.QueryParameters;
import org.careergraph.platform.database.Deadlocks;
import org.careergraph.security.Roles;
import org.careergraph.platform.web.ProblemException;

/** Policy updates: admins preview and record them and read the audit trail. */
@Controller("/api/immigration/policy-updates")
@Secured(Roles.ADMIN)
class PolicyUpdateController {

    private final PolicyUpdateService service;

    PolicyUpdateController(PolicyUpdateService service) {
        this.service = service;
    }

    @Post
    HttpResponse<PolicyUpdateView> record(@Body @Valid PolicyUpdateRequest request, Authentication admin) {
        // Writers of the two countries' rules can meet on each other's rows: one the database rolls back runs again.
        PolicyUpdateView recorded = Deadlocks.retried(() -> service.record(request, admin.getName()));
        return HttpResponse.created(recorded, URI.create("/api/immigration/policy-updates/" + recorded.id()));
    }

    /**
     * What recording the update would change, storing and publishing nothing; refused exactly as recording refuses
     * it (400, 422), so a form can check an update before an admin commits to it.
     */
    @Post("/preview")
    PolicyPreview preview(@Body @Valid PolicyUpdateRequest request, Authentication admin) {
        return service.preview(request, admin.getName());
    }

    /** The audit trail, newest first, of one country or all. */
    @Get
    PolicyUpdatePage list(@QueryValue @Nullable String country,
                          @QueryValue(defaultValue = "0") @Min(0) int page,
                          @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size) {
        Page<PolicyUpdateView> result = service.page(QueryParameters.country(country), Pageable.from(page, size,
                Sort.of(Sort.Order.desc("recordedAt"), Sort.Order.desc("id"))));
        return new PolicyUpdatePage(result.getContent(), result.getTotalSize(), page, size);
    }

    @Get("/{id}")
    PolicyUpdateView get(@PathVariable String id) {
        return service.find(id).orElseThrow(() -> ProblemException.notFound("No policy update " + id + "."));
    }

    /** Withdraws an update announced for a later date (409 once it took effect or was withdrawn). */
    @Post("/{id}/withdrawal")
    PolicyUpdateView withdraw(@PathVariable String id, @Body @Valid @Nullable Withdrawal withdrawal,
                              Authentication admin) {
        return Deadlocks.retried(() -> service.withdraw(id, withdrawal == null ? null : withdrawal.reason(),
                admin.getName()));
    }

    @Serdeable
    record Withdrawal(@Size(max = 2000) @Nullable String reason) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PolicyUpdatePage(List<PolicyUpdateView> items, long total, int page, int size) {
    }
}

package org.careergraph.web.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.careergraph.web.view.Views;

/**
 * The sign-in page with the identity provider's button when the console offers signing in there; without one the
 * page is AdminController's, untouched. (A filter because AdminController's page model has no place for it yet.)
 */
@ServerFilter(AdminController.LOGIN)
class SignInPageFilter {

    private final OidcSignInController oidc;
    private final Views views;

    SignInPageFilter(OidcSignInController oidc, Views views) {
        this.oidc = oidc;
        this.views = views;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    MutableHttpResponse<?> offerProvider(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.GET) {
            return null;
        }
        return oidc.offered().isEmpty() ? null : views.page(request, "admin/login", oidc.signInModel(null));
    }
}

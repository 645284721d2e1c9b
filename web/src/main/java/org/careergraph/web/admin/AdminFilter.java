package org.careergraph.web.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.net.URI;
import java.util.Optional;
import org.careergraph.security.AccessTokens.Caller;
import org.careergraph.security.Roles;
import org.careergraph.web.view.Views;

/**
 * Everything under /admin but the sign-in needs a signed-in admin or editor; policy updates, the scoring model and
 * the dead letters need ADMIN, as their APIs do. A reader is sent to sign in; an editor gets a 403 page.
 */
@ServerFilter("/admin/**")
class AdminFilter {

    private final AdminSession session;
    private final Views views;

    AdminFilter(AdminSession session, Views views) {
        this.session = session;
        this.views = views;
    }

    @RequestFilter
    @Nullable
    MutableHttpResponse<?> requireSignIn(HttpRequest<?> request) {
        String path = request.getPath();
        if (path.equals(AdminController.LOGIN)) {
            return null;
        }
        Optional<Caller> caller = session.caller(request);
        if (caller.isEmpty()) {
            return request.getMethod() == HttpMethod.GET
                    ? HttpResponse.seeOther(URI.create(AdminController.LOGIN))
                    : views.error(request, HttpStatus.UNAUTHORIZED, "error.signIn");
        }
        boolean adminOnly = path.startsWith("/admin/policy-updates") || path.startsWith("/admin/scoring")
                || path.startsWith("/admin/dead-letters");
        if (adminOnly && !caller.get().roles().contains(Roles.ADMIN)) {
            return views.error(request, HttpStatus.FORBIDDEN, "error.adminOnly");
        }
        return null;
    }
}

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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.careergraph.security.AccessTokens.Caller;
import org.careergraph.web.view.Form;
import org.careergraph.web.view.Views;

/** Signing in and out of the admin console, and its front page. */
@Controller("/admin")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class AdminController {

    static final String LOGIN = "/admin/login";

    private final AdminSession session;
    private final Views views;

    AdminController(AdminSession session, Views views) {
        this.session = session;
        this.views = views;
    }

    @Get
    HttpResponse<String> console(HttpRequest<?> request) {
        return views.page(request, "admin/console", Map.of());
    }

    @Get("/login")
    HttpResponse<String> loginForm(HttpRequest<?> request) {
        return views.page(request, "admin/login", Map.of("failed", false));
    }

    @Post("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> login(HttpRequest<?> request, @Body @Nullable String body) {
        Form form = Form.parse(body);
        if (!form.notOneLine(List.of("token")).isEmpty()) {
            // A token is one line of printable text; this one is not even looked at.
            return views.page(request, HttpStatus.BAD_REQUEST, "admin/login", Map.of("failed", false,
                    "problem", views.context(request).getT().get("form.notOneLine")));
        }
        String token = form.get("token");
        Optional<Caller> caller = session.verify(token);
        if (caller.isEmpty()) {
            return views.page(request, HttpStatus.UNAUTHORIZED, "admin/login", Map.of("failed", true));
        }
        return HttpResponse.seeOther(URI.create("/admin")).cookie(session.signIn(token, caller.get()));
    }

    @Post("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> logout(HttpRequest<?> request, @Body @Nullable String body) {
        if (!session.csrfMatches(request, Form.parse(body).get("csrf"))) {
            return views.error(request, HttpStatus.FORBIDDEN, "error.csrf");
        }
        return HttpResponse.seeOther(URI.create("/")).cookie(session.signOut());
    }
}

package org.careergraph.web.view;

import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.careergraph.web.admin.AdminSession;
import org.careergraph.web.i18n.Language;

/**
 * Renders a template with the request's {@link PageContext} as {@code page} beside the page's own model. A page is
 * rendered whole before anything is sent, so that a template failure becomes an error page, not a cut-off response.
 */
@Singleton
public class Views {

    private final AdminSession admin;
    private final ThymeleafViewsRenderer<Map<String, Object>> thymeleaf;

    Views(AdminSession admin, ThymeleafViewsRenderer<Map<String, Object>> thymeleaf) {
        this.admin = admin;
        this.thymeleaf = thymeleaf;
    }

    public PageContext context(HttpRequest<?> request) {
        boolean answersAForm = request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.HEAD;
        return new PageContext(Language.of(request), answersAForm ? null : request.getParameters().asMap(),
                admin.caller(request).orElse(null), admin.csrf(request));
    }

    /** A page with status 200. */
    public MutableHttpResponse<String> page(HttpRequest<?> request, String view, Map<String, ?> model) {
        return page(request, HttpStatus.OK, view, model);
    }

    public MutableHttpResponse<String> page(HttpRequest<?> request, HttpStatus status, String view,
                                            Map<String, ?> model) {
        return HttpResponse.<String>status(status).contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8")
                .body(render(request, view, model));
    }

    /** An error page: the status and, from the page's words, what happened and what to do. */
    public MutableHttpResponse<String> error(HttpRequest<?> request, HttpStatus status, String messageKey) {
        return page(request, status, "error", Map.of("status", status.getCode(), "message", messageKey));
    }

    private String render(HttpRequest<?> request, String view, Map<String, ?> model) {
        Map<String, Object> all = new HashMap<>(model);
        all.put("page", context(request));
        Writable html = thymeleaf.render(view, all, request);
        StringWriter out = new StringWriter();
        try {
            html.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}

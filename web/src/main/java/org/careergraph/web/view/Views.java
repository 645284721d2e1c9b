package org.careergraph.web.view;

import io.micronaut.core.annotation.Nullable;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.careergraph.web.admin.AdminSession;
import org.careergraph.web.i18n.Language;

/**
 * Renders a template with the request's {@link PageContext} as {@code page} beside the page's own model. A page is
 * rendered whole before anything is sent, so that a template failure becomes an error page, not a cut-off response.
 */
@Singleton
public class Views {

    static final String HTML = MediaType.TEXT_HTML_TYPE + ";charset=utf-8";

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
        return SecurityHeaders.apply(request, HttpResponse.<String>status(status).contentType(HTML)
                .body(render(request, view, model)));
    }

    /** An error page: the status and, from the page's words, what happened and what to do. */
    public MutableHttpResponse<String> error(HttpRequest<?> request, HttpStatus status, String messageKey) {
        return error(request, status, messageKey, null);
    }

    /** The same with a line saying what in particular was refused ("the value of “page” in the address"). */
    public MutableHttpResponse<String> error(HttpRequest<?> request, HttpStatus status, String messageKey,
                                             @Nullable String detail) {
        return page(request, status, "error", errorModel(status, messageKey, detail));
    }

    /** The 400 page for a parameter of the address that is not accepted, naming it. */
    public MutableHttpResponse<String> refusedParameter(HttpRequest<?> request, String name) {
        return error(request, HttpStatus.BAD_REQUEST, "error.badRequest",
                context(request).getT().get("refused.parameter").replace("{0}", name));
    }

    /** Each of these form fields with the message that it takes one line of text, for the form's errors. */
    public Map<String, String> notOneLine(HttpRequest<?> request, List<String> fields) {
        String message = context(request).getT().get("form.notOneLine");
        Map<String, String> errors = new LinkedHashMap<>();
        fields.forEach(field -> errors.put(field, message));
        return errors;
    }

    /** The error page's model, for an answer made elsewhere ({@code HtmlErrorResponses}). */
    static Map<String, Object> errorModel(HttpStatus status, String messageKey, @Nullable String detail) {
        Map<String, Object> model = new HashMap<>();
        model.put("status", status.getCode());
        model.put("message", messageKey);
        model.put("detail", detail);
        return model;
    }

    String render(HttpRequest<?> request, String view, Map<String, ?> model) {
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

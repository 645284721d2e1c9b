package org.careergraph.web.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
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
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.careergraph.web.Urls;
import org.careergraph.web.api.Answer;
import org.careergraph.web.api.CatalogClient;
import org.careergraph.web.api.Occupation;
import org.careergraph.web.view.Form;
import org.careergraph.web.view.Views;

/**
 * Editing an occupation in the admin console: its skill level and editorial ratings as fields, the whole career
 * page as JSON (every section the catalog holds, as its API writes it). Saved with the revision it was read at, so
 * an edit never overwrites a change made meanwhile.
 */
@Controller("/admin/occupations")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class OccupationEditController {

    /** The one-line fields of the edit form; the page's JSON may span lines. */
    private static final List<String> ONE_LINE = List.of("revision", "skillLevel", "demandOutlook", "competition");
    /** The catalog's own limit on search text. */
    private static final int MAX_QUERY = 200;

    private final CatalogClient catalog;
    private final AdminSession session;
    private final Views views;
    private final JsonMapper json;

    OccupationEditController(CatalogClient catalog, AdminSession session, Views views, JsonMapper json) {
        this.catalog = catalog;
        this.session = session;
        this.views = views;
        this.json = json;
    }

    @Get
    HttpResponse<String> find(HttpRequest<?> request, @QueryValue @Nullable String q) {
        if (q != null && q.length() > MAX_QUERY) {
            return views.refusedParameter(request, "q");
        }
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("q", q);
        query.put("includeArchived", "true");
        query.put("size", 50);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("q", q);
        model.put("items", catalog.search(query).value().documents());
        return views.page(request, "admin/occupations", model);
    }

    @Get("/{id}/edit")
    HttpResponse<?> edit(HttpRequest<?> request, @PathVariable String id) throws IOException {
        Answer<Occupation> answer = catalog.occupation(id);
        if (!answer.isSuccess()) {
            return views.error(request, HttpStatus.NOT_FOUND, "error.noOccupation");
        }
        Occupation o = answer.value();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("revision", String.valueOf(o.revision()));
        fields.put("skillLevel", o.skillLevel());
        fields.put("demandOutlook", o.editorialRating("demandOutlook"));
        fields.put("competition", o.editorialRating("competition"));
        fields.put("page", new String(json.writeValueAsBytes(o.page()), StandardCharsets.UTF_8));
        return form(request, HttpStatus.OK, id, o.document(), fields, Map.of(), null);
    }

    @Post("/{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> save(HttpRequest<?> request, @PathVariable String id, @Body @Nullable String body) {
        Form submitted = Form.parse(body);
        if (!session.csrfMatches(request, submitted.get("csrf"))) {
            return views.error(request, HttpStatus.FORBIDDEN, "error.csrf");
        }
        Answer<Occupation> answer = catalog.occupation(id);
        if (!answer.isSuccess()) {
            return views.error(request, HttpStatus.NOT_FOUND, "error.noOccupation");
        }
        Map<String, String> unfit = views.notOneLine(request, submitted.notOneLine(ONE_LINE));
        submitted.notText(List.of("page")).forEach(field -> unfit.put(field,
                views.context(request).getT().get("form.notText")));
        Map<String, Object> current = answer.value().document();
        Form kept = submitted.without(List.copyOf(unfit.keySet()));
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : List.of("revision", "skillLevel", "demandOutlook", "competition", "page")) {
            fields.put(name, kept.get(name));
        }
        if (!unfit.isEmpty()) {
            // Nothing is saved: the form comes back without what was refused, each such field with its error.
            return form(request, HttpStatus.BAD_REQUEST, id, current, fields, unfit, null);
        }
        Object page;
        try {
            page = fields.get("page") == null ? null
                    : json.readValue(fields.get("page").getBytes(StandardCharsets.UTF_8), Argument.OBJECT_ARGUMENT);
        } catch (IOException e) {
            // The parser's message names its own classes and echoes the input: the reader gets plain words.
            return invalid(request, id, current, fields,
                    Map.of("page", views.context(request).getT().get("admin.edit.notJson")), null);
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("page", page);
        input.put("skillLevel", number(fields.get("skillLevel")));
        Map<String, Object> editorial = new LinkedHashMap<>();
        editorial.put("demandOutlook", number(fields.get("demandOutlook")));
        editorial.put("competition", number(fields.get("competition")));
        input.put("editorial", editorial);
        Answer<Void> saved = catalog.save(id, fields.get("revision"), input, session.token(request).orElseThrow());
        if (saved.status() == 401 || saved.status() == 403) {
            // The token expired, or lost its role, while the form was open.
            return views.error(request, HttpStatus.valueOf(saved.status()), "error.signIn");
        }
        if (saved.isSuccess()) {
            return HttpResponse.seeOther(URI.create("/occupations/" + Urls.segment(id)));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        saved.problem().fieldErrors().forEach((field, message) -> errors.put(field.startsWith("editorial.")
                ? field.substring("editorial.".length()) : field, message));
        return invalid(request, id, current, fields, errors,
                saved.status() == 412 ? "admin.edit.stale" : saved.problem().detail());
    }

    private HttpResponse<?> invalid(HttpRequest<?> request, String id, Map<String, Object> occupation,
                                    Map<String, String> fields, Map<String, String> errors, @Nullable String problem) {
        return form(request, HttpStatus.UNPROCESSABLE_ENTITY, id, occupation, fields, errors, problem);
    }

    private HttpResponse<String> form(HttpRequest<?> request, HttpStatus status, String id,
                                      Map<String, Object> occupation,
                                                   Map<String, String> fields, Map<String, String> errors,
                                                   @Nullable String problem) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", id);
        model.put("occupation", occupation);
        model.put("fields", fields);
        model.put("errors", errors);
        model.put("problem", problem);
        return views.page(request, status, "admin/occupation-edit", model);
    }

    /** A number field as the API takes it; text that is no number goes as it is, for the API to name. */
    @Nullable
    private static Object number(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return value;
        }
    }
}

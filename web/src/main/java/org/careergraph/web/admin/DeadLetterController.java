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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.careergraph.web.Urls;
import org.careergraph.web.api.Answer;
import org.careergraph.web.api.Backend;
import org.careergraph.web.api.BackendUnavailableException;
import org.careergraph.web.api.DeadLetter;
import org.careergraph.web.api.DeadLetterClient;
import org.careergraph.web.api.DeadLetters;
import org.careergraph.web.api.Later;
import org.careergraph.web.api.ServiceTransport;
import org.careergraph.web.view.Form;
import org.careergraph.web.view.Views;

/**
 * The dead letters of every service in one list: the events a service's consumer could not handle, kept by each
 * service ({@code /api/<service>/dead-letters}), newest first, with a Replay button (run it through the service again,
 * after a fix) and a Discard button (looked at, never to be handled). A service that does not answer is named, and
 * the others are still shown.
 */
@Controller("/admin/dead-letters")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class DeadLetterController {

    /** The services, by the name in their API path, in the order the console shows them. */
    static final Map<String, Backend> SERVICES = new LinkedHashMap<>();
    static final List<String> STATES = List.of("NEW", "REPLAYED", "DISCARDED", "ALL");
    static final List<String> DONE = List.of("replayed", "discarded");
    /** How many of one state each service is asked for: the newest. */
    static final int PER_SERVICE = 100;
    private static final int ERROR_CHARS = 300;
    private static final Pattern ID = Pattern.compile("[0-9]{1,18}");

    static {
        SERVICES.put("catalog", Backend.CATALOG);
        SERVICES.put("immigration", Backend.IMMIGRATION);
        SERVICES.put("scoring", Backend.SCORING);
        SERVICES.put("notification", Backend.NOTIFICATION);
    }

    private final DeadLetterClient deadLetters;
    private final ServiceTransport transport;
    private final AdminSession session;
    private final Views views;

    DeadLetterController(DeadLetterClient deadLetters, ServiceTransport transport, AdminSession session,
                         Views views) {
        this.deadLetters = deadLetters;
        this.transport = transport;
        this.session = session;
        this.views = views;
    }

    @Get
    HttpResponse<String> list(HttpRequest<?> request, @QueryValue @Nullable String state,
                              @QueryValue @Nullable String done, @QueryValue @Nullable String service,
                              @QueryValue @Nullable String id) {
        Optional<String> refused = state != null && !STATES.contains(state) ? Optional.of("state")
                : done != null && !DONE.contains(done) ? Optional.of("done")
                : service != null && !SERVICES.containsKey(service) ? Optional.of("service")
                : id != null && !ID.matcher(id).matches() ? Optional.of("id") : Optional.empty();
        if (refused.isPresent()) {
            return views.refusedParameter(request, refused.get());
        }
        String outcome = null;
        if (done != null && DONE.contains(done) && service != null && SERVICES.containsKey(service) && id != null
                && ID.matcher(id).matches()) {
            // Only the outcomes this controller redirects with, about a service and id it checked.
            outcome = views.context(request).getT().get("admin.deadLetters.done." + done).replace("{0}", id)
                    .replace("{1}", service);
        }
        return render(request, HttpStatus.OK, chosen(state), outcome, null);
    }

    @Post("/{service}/{id}/replay")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> replay(HttpRequest<?> request, @PathVariable String service, @PathVariable String id,
                           @Body @Nullable String body) {
        return act(request, service, id, body, true);
    }

    @Post("/{service}/{id}/discard")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> discard(HttpRequest<?> request, @PathVariable String service, @PathVariable String id,
                            @Body @Nullable String body) {
        return act(request, service, id, body, false);
    }

    private HttpResponse<?> act(HttpRequest<?> request, String service, String id, @Nullable String body,
                                boolean replay) {
        Form form = Form.parse(body);
        if (!session.csrfMatches(request, form.get("csrf"))) {
            return views.error(request, HttpStatus.FORBIDDEN, "error.csrf");
        }
        if (form.get("state") != null && !STATES.contains(form.get("state"))) {
            return views.error(request, HttpStatus.BAD_REQUEST, "error.badRequest");
        }
        Backend backend = SERVICES.get(service);
        if (backend == null || !ID.matcher(id).matches()) {
            return views.error(request, HttpStatus.NOT_FOUND, "error.notFound");
        }
        String state = chosen(form.get("state"));
        String token = session.token(request).orElseThrow();
        Answer<Void> answer = replay ? deadLetters.replay(backend, id, token) : deadLetters.discard(backend, id, token);
        if (answer.isSuccess()) {
            Map<String, Object> outcome = new LinkedHashMap<>();
            outcome.put("state", state);
            outcome.put("done", replay ? "replayed" : "discarded");
            outcome.put("service", service);
            outcome.put("id", id);
            return HttpResponse.seeOther(URI.create("/admin/dead-letters" + Urls.query(outcome)));
        }
        // The service's reason as it gave it: the console's dead letters are diagnostics, shown to admins only.
        String given = answer.problem().detailAsGiven();
        String why = given == null ? "HTTP " + answer.status() : given;
        String failed = (replay
                ? views.context(request).getT().get("admin.deadLetters.failed.replay")
                : views.context(request).getT().get("admin.deadLetters.failed.discard"))
                .replace("{0}", id).replace("{1}", service).replace("{2}", why);
        return render(request, HttpStatus.valueOf(answer.status()), state, null, failed);
    }

    private HttpResponse<String> render(HttpRequest<?> request, HttpStatus status, String state,
                                        @Nullable String outcome, @Nullable String problem) {
        String token = session.token(request).orElseThrow();
        Map<String, Later<Answer<DeadLetters>>> asked = new LinkedHashMap<>();
        SERVICES.forEach((name, backend) -> asked.put(name, transport.later(() -> deadLetters.deadLetters(backend,
                state.equals("ALL") ? null : state, PER_SERVICE, token))));

        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        List<String> more = new ArrayList<>();
        String moreText = views.context(request).getT().get("admin.deadLetters.more");
        asked.forEach((name, answer) -> {
            Answer<DeadLetters> response;
            try {
                response = answer.get();
            } catch (BackendUnavailableException e) {
                unavailable.add(name);
                return;
            }
            if (!response.isSuccess()) {
                unavailable.add(name);
                return;
            }
            List<DeadLetter> letters = response.value().letters();
            letters.forEach(letter -> rows.add(row(name, letter)));
            if (response.value().total() > letters.size()) {
                more.add(moreText.replace("{0}", name).replace("{1}", Long.toString(response.value().total()))
                        .replace("{2}", Integer.toString(letters.size())));
            }
        });
        rows.sort(Comparator.comparing((Map<String, Object> row) -> (Instant) row.get("when")).reversed());

        Map<String, Object> model = new LinkedHashMap<>();
        model.put("state", state);
        model.put("states", STATES);
        model.put("rows", rows);
        model.put("unavailable", unavailable);
        model.put("more", more);
        model.put("outcome", outcome);
        model.put("problem", problem);
        return views.page(request, status, "admin/dead-letters", model);
    }

    /** One row of the table: the service's dead letter as its API lists it, with the service's name. */
    private static Map<String, Object> row(String service, DeadLetter letter) {
        Map<String, Object> row = new LinkedHashMap<>(letter.document());
        row.put("service", service);
        row.put("when", letter.deadLetteredAt());
        String error = letter.error();
        row.put("shortError", error.length() > ERROR_CHARS ? error.substring(0, ERROR_CHARS) + "…" : error);
        return row;
    }

    private static String chosen(@Nullable String state) {
        return state != null && STATES.contains(state) ? state : "NEW";
    }
}

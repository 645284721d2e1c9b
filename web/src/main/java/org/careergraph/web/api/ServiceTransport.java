package org.careergraph.web.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.careergraph.web.WebSettings;

/**
 * The one HTTP transport under the four service clients ({@link CatalogClient}, {@link ScoringClient},
 * {@link ImmigrationClient}, {@link NotificationClient}, and {@link DeadLetterClient} for the API they share): the
 * services' public APIs, the same ones any client uses, over HTTP/1.1 with timeouts, the trace of the request being
 * served passed on, a silent or failing service turned into {@link BackendUnavailableException}, and reads run at once
 * on virtual threads ({@link #later}). Only the clients call it: no page builds a service's URL.
 */
@Singleton
public class ServiceTransport implements AutoCloseable {

    /** W3C trace context headers passed on from the request being served. */
    private static final List<String> TRACE_HEADERS = List.of("traceparent", "tracestate");

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final WebSettings settings;
    private final JsonMapper json;
    /** HTTP/1.1, as the services speak it: the default, HTTP/2, would offer every plain-http request an upgrade. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).followRedirects(HttpClient.Redirect.NEVER).build();
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    ServiceTransport(WebSettings settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
    }

    /**
     * A call started now on its own virtual thread, with the caller's context (its request, so its trace goes on to
     * the service): a page that needs several answers asks them all at once and waits for the slowest.
     */
    public <T> Later<T> later(Supplier<T> call) {
        return new Later<>(CompletableFuture.supplyAsync(PropagatedContext.wrapCurrent(call), calls));
    }

    Reply get(Backend backend, String path) {
        return send(backend, "GET", path, null, Map.of(), null);
    }

    /**
     * One call; {@code body} (records, maps, lists, values) goes as JSON, {@code bearer} as the admin's token. Throws
     * {@link BackendUnavailableException} when the service does not answer or answers with a server error (every page
     * then says so the same way), and a 400 when a header value taken from a form could not be sent (anything but
     * printable ASCII in a pasted token).
     */
    Reply send(Backend backend, String method, String path, @Nullable Object body, Map<String, String> headers,
               @Nullable String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(backend.baseUrl(settings).resolve(path))
                .timeout(TIMEOUT).header("Accept", "application/json");
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (bearer != null) {
            all.put("Authorization", "Bearer " + bearer);
        }
        if (body != null) {
            all.putIfAbsent("Content-Type", "application/json");
        }
        // The W3C trace of the request being served goes on to the service (ADR 0017); the front makes no spans.
        ServerRequestContext.currentRequest().ifPresent(incoming -> {
            for (String name : TRACE_HEADERS) {
                String value = incoming.getHeaders().get(name);
                if (value != null && value.length() <= 512 && value.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
                    all.putIfAbsent(name, value);
                }
            }
        });
        all.forEach((name, value) -> {
            if (!value.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
                // The forms check their fields first; this is the last guard, never a failure of the HTTP client.
                throw new HttpStatusException(HttpStatus.BAD_REQUEST, "A value cannot be sent as given");
            }
            request.header(name, value);
        });
        try {
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() >= 500) {
                throw new BackendUnavailableException(backend, new IOException("HTTP " + response.statusCode()));
            }
            return new Reply(response.statusCode(), parse(response.body()));
        } catch (IOException e) {
            throw new BackendUnavailableException(backend, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendUnavailableException(backend, e);
        }
    }

    @Nullable
    private Object parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return json.readValue(body, Argument.OBJECT_ARGUMENT);
        } catch (IOException e) {
            return null; // not JSON (an HTML error page of a proxy, say): the status still tells what happened
        }
    }

    @PreDestroy
    @Override
    public void close() {
        calls.close();
        http.close();
    }
}

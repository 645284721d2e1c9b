package org.careergraph.web.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.careergraph.web.WebSettings;

/**
 * Calls the services' public APIs, the same ones any client uses. JSON comes back as maps and lists: the pages show
 * the services' documents as they are, and a field a service adds needs no change here.
 */
@Singleton
public class ServiceApi implements AutoCloseable {

    /** W3C trace context headers passed on from the request being served. */
    private static final java.util.List<String> TRACE_HEADERS = java.util.List.of("traceparent", "tracestate");

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final WebSettings settings;
    private final JsonMapper json;
    /** HTTP/1.1, as the services speak it: the default, HTTP/2, would offer every plain-http request an upgrade. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).followRedirects(HttpClient.Redirect.NEVER).build();
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    ServiceApi(WebSettings settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
    }

    /**
     * Who the call is made for, as a proxy says it: the chain of X-Forwarded-For the front received (from the gateway
     * or the ingress) with the address it came from added. The notification service limits subscriptions per client
     * by it; without it every visitor of the front would count as the front.
     */
    public static Map<String, String> forwardedFor(io.micronaut.http.HttpRequest<?> request) {
        String peer = request.getRemoteAddress().getAddress() == null ? request.getRemoteAddress().getHostString()
                : request.getRemoteAddress().getAddress().getHostAddress();
        String chain = request.getHeaders().get("X-Forwarded-For");
        return Map.of("X-Forwarded-For", chain == null || chain.isBlank() ? peer : chain.strip() + ", " + peer);
    }

    public ApiResponse get(Backend backend, String path, @Nullable String bearer) {
        return send(backend, "GET", path, null, Map.of(), bearer);
    }

    /** A read started now on its own virtual thread: a page that needs several asks them all at once. */
    public CompletableFuture<ApiResponse> getLater(Backend backend, String path) {
        return getLater(backend, path, null);
    }

    /** The same with an admin's token: the console asks every service at once. */
    public CompletableFuture<ApiResponse> getLater(Backend backend, String path, @Nullable String bearer) {
        // With the caller's context (its request, so its trace goes on to the service: see send).
        Supplier<ApiResponse> call = () -> get(backend, path, bearer);
        return CompletableFuture.supplyAsync(PropagatedContext.wrapCurrent(call), calls);
    }

    /** The answer of a read started with {@link #getLater}, failing as {@link #get} would have. */
    public static ApiResponse await(CompletableFuture<ApiResponse> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * One call; {@code body} (maps, lists, values) goes as JSON. Throws {@link BackendUnavailableException} when the
     * service does not answer or answers with a server error (every page then says so the same way), and a 400 when
     * a header value taken from a form could not be sent (anything but printable ASCII in a pasted token).
     */
    public ApiResponse send(Backend backend, String method, String path, @Nullable Object body,
                            Map<String, String> headers, @Nullable String bearer) {
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
            return new ApiResponse(response.statusCode(), parse(response.body()));
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

    /** A query string from the parameters that have a value, each encoded; empty when none has. */
    public static String query(Map<String, ?> parameters) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        parameters.forEach((name, value) -> {
            if (value != null && !value.toString().isBlank()) {
                query.add(name + "=" + encode(value.toString()));
            }
        });
        return query.toString();
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An id taken from a URL, fit to put back into a service's path ({@code .} and {@code ..} are no ids). */
    public static String segment(String id) {
        if (id.equals(".") || id.equals("..")) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "No such page");
        }
        return encode(id).replace("+", "%20");
    }

    @PreDestroy
    @Override
    public void close() {
        calls.close();
        http.close();
    }
}

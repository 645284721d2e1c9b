package org.careergraph.web.api;

import io.micronaut.core.annotation.Nullable;
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
import java.util.Map;
import java.util.StringJoiner;
import org.careergraph.web.WebSettings;

/**
 * Calls the services' public APIs, the same ones any client uses. JSON comes back as maps and lists: the pages show
 * the services' documents as they are, and a field a service adds needs no change here.
 */
@Singleton
public class ServiceApi implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final WebSettings settings;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    ServiceApi(WebSettings settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
    }

    public ApiResponse get(Backend backend, String path, @Nullable String bearer) {
        return send(backend, "GET", path, null, Map.of(), bearer);
    }

    /**
     * One call; {@code body} (maps, lists, values) goes as JSON. Throws {@link BackendUnavailableException} when the
     * service does not answer.
     */
    public ApiResponse send(Backend backend, String method, String path, @Nullable Object body,
                            Map<String, String> headers, @Nullable String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(backend.baseUrl(settings).resolve(path))
                .timeout(TIMEOUT).header("Accept", "application/json");
        headers.forEach(request::header);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", headers.getOrDefault("Content-Type", "application/json"));
                request.method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new ApiResponse(response.statusCode(), parse(response.body()), response.headers().map());
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

    /** An id taken from a URL, fit to put back into a service's path. */
    public static String segment(String id) {
        return encode(id).replace("+", "%20");
    }

    @PreDestroy
    @Override
    public void close() {
        http.close();
    }
}

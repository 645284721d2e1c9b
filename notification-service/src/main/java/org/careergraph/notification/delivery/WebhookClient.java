package org.careergraph.notification.delivery;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * POSTs one webhook delivery. The target is checked again first (DNS may have changed since the subscription), and
 * so is every redirect target: a 307 or 308 is followed (at most {@value #MAX_REDIRECTS} times, keeping the POST),
 * any other 3xx is a failure. Connecting and answering are time-limited, and only the status and {@code Retry-After}
 * are read, never the body.
 */
@Singleton
class WebhookClient {

    private static final int MAX_REDIRECTS = 3;
    private static final int MAX_ERROR_LENGTH = 500;

    /** How the receiver answered: its status (0 when it could not be reached), when to retry, what went wrong. */
    record Answer(int status, @Nullable Duration retryAfter, @Nullable String error) {

        boolean accepted() {
            return error == null;
        }
    }

    private final WebhookTargetPolicy targets;
    private final HttpClient http;
    private final Duration requestTimeout;

    WebhookClient(WebhookTargetPolicy targets,
                  @Value("${careergraph.notification.delivery.connect-timeout:5s}") Duration connectTimeout,
                  @Value("${careergraph.notification.delivery.request-timeout:10s}") Duration requestTimeout) {
        this.targets = targets;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    Answer post(String webhookUrl, Map<String, String> headers, String json, Instant now)
            throws InterruptedException {
        String url = webhookUrl;
        for (int hop = 0; ; hop++) {
            Optional<String> refusal = targets.refusal(url);
            if (refusal.isPresent()) {
                return new Answer(0, null, (hop == 0 ? "webhook URL refused: it " : "redirect refused: it ")
                        + refusal.get());
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(requestTimeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "careergraph-notification-service")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            headers.forEach(request::header);
            HttpResponse<InputStream> response;
            try {
                // The body is never read: a receiver that trickles one forever would hold the sender past every
                // timeout (the request timeout ends when the headers arrive).
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                response.body().close();
            } catch (IOException | IllegalArgumentException e) {
                String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                return new Answer(0, null, error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH)
                        : error);
            }
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("Location");
            if ((status == 307 || status == 308) && location.isPresent() && hop < MAX_REDIRECTS) {
                try {
                    url = URI.create(url).resolve(location.get()).toString();
                    continue;
                } catch (IllegalArgumentException e) {
                    return new Answer(status, null, "HTTP " + status + " to an invalid Location");
                }
            }
            if (status >= 200 && status < 300) {
                return new Answer(status, null, null);
            }
            Duration retryAfter = response.headers().firstValue("Retry-After").map(v -> retryAfter(v, now))
                    .orElse(null);
            return new Answer(status, retryAfter, "HTTP " + status);
        }
    }

    /** Seconds, or an HTTP date; null when it is neither. */
    static @Nullable Duration retryAfter(String value, Instant now) {
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException neither) {
                return null;
            }
        }
    }
}

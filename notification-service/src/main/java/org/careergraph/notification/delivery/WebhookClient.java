package org.careergraph.notification.delivery;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * POSTs one notification to a webhook: the target is checked again first (DNS may have changed since the
 * subscription), redirects are never followed (a 3xx is a failure), and connecting and answering are time-limited.
 */
@Singleton
class WebhookClient {

    static final String WEBHOOK_ID = "webhook-id";
    private static final int MAX_ERROR_LENGTH = 500;

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

    /** Empty when the receiver answered 2xx; otherwise what went wrong, for the subscriber's delivery log. */
    Optional<String> post(String webhookUrl, String notificationId, String json) throws InterruptedException {
        Optional<String> refusal = targets.refusal(webhookUrl);
        if (refusal.isPresent()) {
            return Optional.of("webhook URL refused: it " + refusal.get());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhookUrl))
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header(WEBHOOK_ID, notificationId)
                .header("User-Agent", "careergraph-notification-service")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            // Only the status matters. The body is never read: a receiver that trickles one forever would hold the
            // sender past every timeout (the request timeout ends when the headers arrive).
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            int status = response.statusCode();
            return status >= 200 && status < 300 ? Optional.empty() : Optional.of("HTTP " + status);
        } catch (IOException e) {
            String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return Optional.of(error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error);
        }
    }
}

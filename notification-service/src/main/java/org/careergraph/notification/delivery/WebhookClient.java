package org.careergraph.notification.delivery;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.careergraph.platform.tracing.TraceContext;

/**
 * POSTs one webhook delivery. The target is checked again first (DNS may have changed since the subscription), and
 * so is every redirect target: a 307 or 308 is followed (at most {@value #MAX_REDIRECTS} times, keeping the POST),
 * any other 3xx is a failure. Connecting and answering are time-limited, and only the status and {@code Retry-After}
 * are read, never the body. Each call connects to the addresses the policy just checked ({@link PinnedDns}), and a
 * failure is told in words ({@link TransportErrors}).
 *
 * <p>Also sends the verification request of a new webhook ({@link WebhookVerifier}).
 */
@Singleton
class WebhookClient {

    private static final int MAX_REDIRECTS = 3;
    private static final int MAX_VERIFICATION_ANSWER = 4096;

    /** How the receiver answered: its status (0 when it could not be reached), when to retry, what went wrong. */
    record Answer(int status, @Nullable Duration retryAfter, @Nullable String error) {

        boolean accepted() {
            return error == null;
        }
    }

    /** How a verification request went: the status and up to {@value #MAX_VERIFICATION_ANSWER} bytes of body. */
    record Reply(int status, @Nullable String body, @Nullable String error) {
    }

    private final WebhookTargetPolicy targets;
    private final HttpClient http;
    private final HttpClient verifying;
    private final Duration requestTimeout;
    private final Duration verificationTimeout;

    @Inject
    WebhookClient(WebhookTargetPolicy targets, DeliverySettings delivery, WebhookSettings webhooks) {
        this(targets, delivery.connectTimeout(), delivery.requestTimeout(), webhooks.verificationTimeout());
    }

    WebhookClient(WebhookTargetPolicy targets, Duration connectTimeout, Duration requestTimeout,
                  Duration verificationTimeout) {
        if (!PinnedDns.installed()) {
            // Without it the HTTP client would resolve webhook hosts again after the check (DNS rebinding).
            throw new IllegalStateException("The JDK does not resolve names through " + PinnedDns.class.getName()
                    + " (META-INF/services/java.net.spi.InetAddressResolverProvider)");
        }
        this.targets = targets;
        this.requestTimeout = requestTimeout;
        this.verificationTimeout = verificationTimeout;
        this.http = client(connectTimeout);
        this.verifying = client(verificationTimeout);
    }

    private static HttpClient client(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    Answer post(String webhookUrl, Map<String, String> headers, String json, Instant now)
            throws InterruptedException {
        String url = webhookUrl;
        for (int hop = 0; ; hop++) {
            WebhookTargetPolicy.Checked checked = targets.check(url);
            if (checked.target() == null) {
                return new Answer(0, null, (hop == 0 ? "webhook URL refused: it " : "redirect refused: it ")
                        + checked.refusal());
            }
            WebhookTargetPolicy.Target target = checked.target();
            HttpResponse<InputStream> response;
            try (PinnedDns.Held pin = PinnedDns.pin(target.host(), target.addresses())) {
                // The body is never read: a receiver that trickles one forever would hold the sender past every
                // timeout (the request timeout ends when the headers arrive).
                response = http.send(request(target, headers, json, requestTimeout),
                        HttpResponse.BodyHandlers.ofInputStream());
                response.body().close();
            } catch (IOException | IllegalArgumentException e) {
                return new Answer(0, null, TransportErrors.describe(e));
            }
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("Location");
            if ((status == 307 || status == 308) && location.isPresent() && hop < MAX_REDIRECTS) {
                try {
                    url = target.uri().resolve(location.get()).toString();
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

    /**
     * POSTs a verification request: no redirect followed, and the whole answer (its first
     * {@value #MAX_VERIFICATION_ANSWER} bytes) within the verification timeout.
     */
    Reply verify(String webhookUrl, Map<String, String> headers, String json) throws InterruptedException {
        WebhookTargetPolicy.Checked checked = targets.check(webhookUrl);
        if (checked.target() == null) {
            return new Reply(0, null, "it " + checked.refusal());
        }
        WebhookTargetPolicy.Target target = checked.target();
        CompletableFuture<HttpResponse<String>> call = null;
        try (PinnedDns.Held pin = PinnedDns.pin(target.host(), target.addresses())) {
            call = verifying.sendAsync(request(target, headers, json, verificationTimeout),
                    info -> new FirstBytes(MAX_VERIFICATION_ANSWER));
            HttpResponse<String> response = call.get(verificationTimeout.toMillis() * 2, TimeUnit.MILLISECONDS);
            return new Reply(response.statusCode(), response.body(), null);
        } catch (TimeoutException e) {
            call.cancel(true);
            return new Reply(0, null, "timed out waiting for the answer");
        } catch (ExecutionException e) {
            return new Reply(0, null, TransportErrors.describe(e.getCause()));
        } catch (IllegalArgumentException e) {
            return new Reply(0, null, TransportErrors.describe(e));
        }
    }

    private static HttpRequest request(WebhookTargetPolicy.Target target, Map<String, String> headers, String json,
                                       Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.uri())
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "careergraph-notification-service")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        // The W3C trace this POST is part of, when one is current (ADR 0017).
        TraceContext.currentHeaders().forEach(request::header);
        return request.build();
    }

    /** Keeps the first bytes of a body (as UTF-8) and hangs up after them; null when the body is longer. */
    private static final class FirstBytes implements HttpResponse.BodySubscriber<String> {

        private final int limit;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<String> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        FirstBytes(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<String> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                byte[] chunk = new byte[Math.min(item.remaining(), limit + 1 - bytes.size())];
                item.get(chunk);
                bytes.writeBytes(chunk);
            }
            if (bytes.size() > limit) {
                subscription.cancel();
                result.complete(null);
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toString(StandardCharsets.UTF_8));
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

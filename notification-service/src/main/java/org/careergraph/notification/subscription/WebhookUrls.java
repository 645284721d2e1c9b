package org.careergraph.notification.subscription;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** What makes two webhook URLs the same endpoint, for the cap on subscriptions per URL. */
final class WebhookUrls {

    private WebhookUrls() {
    }

    /**
     * Scheme and host in lower case, the port always written, the path decoded, without dot segments, repeated
     * slashes or a trailing slash ("/" when empty); the query and fragment left out, so that {@code ?n=1},
     * {@code /hook/}, {@code //hook} and {@code /%68ook} count as one endpoint with {@code /hook}. For a URL the
     * {@link org.careergraph.notification.delivery.WebhookTargetPolicy} accepted.
     */
    static String endpoint(String url) {
        URI uri;
        try {
            uri = new URI(url.trim()).normalize();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("checked by the webhook policy before", e);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        host = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/{2,}", "/");
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return scheme + "://" + host + ":" + port + (path.isEmpty() ? "/" : path);
    }
}

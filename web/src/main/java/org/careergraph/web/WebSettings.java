package org.careergraph.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.net.URI;

/**
 * Where the services answer (inside the cluster or on this machine), the key admin tokens are signed with, and
 * whether cookies need HTTPS.
 *
 * @param catalogUrl      the catalog service's base URL
 * @param immigrationUrl  the immigration service's base URL
 * @param scoringUrl      the scoring service's base URL
 * @param notificationUrl the notification service's base URL
 * @param jwtSecret       the HS256 key the services check bearer tokens with (JWT_SECRET)
 * @param secureCookies   mark cookies Secure (on wherever the site is served over HTTPS)
 */
@ConfigurationProperties("careergraph.web")
public record WebSettings(URI catalogUrl, URI immigrationUrl, URI scoringUrl, URI notificationUrl, String jwtSecret,
                          boolean secureCookies) {
}

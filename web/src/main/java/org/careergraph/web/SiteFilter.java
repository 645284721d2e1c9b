package org.careergraph.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import java.time.Duration;
import org.careergraph.web.admin.AdminSession;
import org.careergraph.web.i18n.Language;

/**
 * On every page: the browser may load nothing from elsewhere and run no script, pages are never framed and no
 * Referer leaves the site (links can carry ids). Same-origin, not no-referrer: with no-referrer a browser sends
 * {@code Origin: null} on form posts, which the server's drive-by-localhost guard refuses. A {@code ?lang=} choice is
 * remembered in a cookie. Pages are made per reader (language, signed-in admin and form token): no shared cache may
 * keep one for another, and a signed-in admin's pages are kept by no cache at all.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class SiteFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final WebSettings settings;

    SiteFilter(WebSettings settings) {
        this.settings = settings;
    }

    @ResponseFilter
    void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                .header("X-Frame-Options", "DENY")
                .header("Vary", "Cookie, Accept-Language");
        if (request.getCookies().contains(AdminSession.COOKIE) || request.getPath().startsWith("/admin")) {
            response.header("Cache-Control", "private, no-store");
        }
        Language.parse(request.getParameters().get(Language.PARAMETER)).ifPresent(language ->
                response.cookie(Cookie.of(Language.COOKIE, language.code()).path("/").maxAge(Duration.ofDays(365))
                        .sameSite(SameSite.Lax).secure(settings.secureCookies())));
    }
}

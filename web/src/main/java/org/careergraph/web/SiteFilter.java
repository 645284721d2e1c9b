package org.careergraph.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import java.time.Duration;
import org.careergraph.web.i18n.Language;
import org.careergraph.web.view.SecurityHeaders;

/**
 * On every answer: the security headers ({@link SecurityHeaders}), and a {@code ?lang=} choice remembered in a
 * cookie.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class SiteFilter {

    private final WebSettings settings;

    SiteFilter(WebSettings settings) {
        this.settings = settings;
    }

    @ResponseFilter
    void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        SecurityHeaders.apply(request, response);
        Language.parse(request.getParameters().get(Language.PARAMETER)).ifPresent(language ->
                response.cookie(Cookie.of(Language.COOKIE, language.code()).path("/").maxAge(Duration.ofDays(365))
                        .sameSite(SameSite.Lax).secure(settings.secureCookies())));
    }
}

package org.careergraph.web.view;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import org.careergraph.web.admin.AdminSession;

/**
 * The headers every answer of the web front carries, set (never added twice) wherever an answer is made: by the site
 * filter, on every rendered page (error pages included, which some failures make outside the filters) and on the
 * answers the server makes itself. The browser may load nothing from elsewhere and run no script (but Swagger UI on
 * the API reference, {@link #API_DOCS_POLICY}), pages are never
 * framed and no Referer leaves the site (links can carry ids). Same-origin, not no-referrer: with no-referrer a
 * browser sends {@code Origin: null} on form posts, which the server's drive-by-localhost guard refuses. Pages are
 * made per reader (language, signed-in admin and form token): no shared cache may keep one for another; and what
 * carries a token or a session (the console, the manage pages, any answer to a form) is kept by no cache at all.
 */
public final class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    /**
     * The API reference (/docs/api) alone runs script: Swagger UI, served from this origin, which sets inline styles
     * and fetches the services' documents (and, to try a call, the API) from this origin.
     */
    public static final String API_DOCS_POLICY = "default-src 'none'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    public static final String NO_STORE = "private, no-store";

    private SecurityHeaders() {
    }

    public static <T> MutableHttpResponse<T> apply(HttpRequest<?> request, MutableHttpResponse<T> response) {
        boolean apiDocs = request.getPath().equals("/docs/api") || request.getPath().startsWith("/docs/api/");
        response.getHeaders().set("Content-Security-Policy", apiDocs ? API_DOCS_POLICY : CONTENT_SECURITY_POLICY)
                .set("X-Content-Type-Options", "nosniff")
                .set("Referrer-Policy", "same-origin")
                .set("X-Frame-Options", "DENY")
                .set("Vary", "Cookie, Accept-Language");
        if (carriesSecrets(request)) {
            response.getHeaders().set("Cache-Control", NO_STORE);
        }
        return response;
    }

    /** A console page, a manage page, or an answer to a form (a new subscription shows its manage key once). */
    static boolean carriesSecrets(HttpRequest<?> request) {
        String path = request.getPath();
        return request.getCookies().contains(AdminSession.COOKIE) || path.startsWith("/admin")
                || path.startsWith("/subscriptions")
                || request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.HEAD;
    }
}

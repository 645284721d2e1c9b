package org.careergraph.web.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.careergraph.security.AccessTokens;
import org.careergraph.security.AccessTokens.Caller;
import org.careergraph.security.Roles;
import org.careergraph.security.TokenVerifier;
import org.careergraph.web.WebSettings;

/**
 * Signing in to the admin console with the same bearer token the APIs take (issued by the identity provider, pasted
 * or through {@link OidcSignInController}; locally printed by the launcher or minted by the token command), checked
 * by the services' rule ({@link TokenVerifier}). The token is kept in an HttpOnly, SameSite=Strict cookie scoped to
 * the site, passed on to the services with each admin call, and never shown again. Every admin form also carries a
 * token derived from it, so no other site can post in an admin's name even where SameSite is not honoured.
 */
@Singleton
public class AdminSession {

    public static final String COOKIE = "cg_admin";
    /** The request's session, checked once per request: filter, page and form all ask. */
    private static final String SESSION = "careergraph.admin.session";

    private final WebSettings settings;
    /** Null when no token can be taken (no secret and no provider): every sign-in is refused, the console stays up. */
    @Nullable
    private final TokenVerifier verifier;

    AdminSession(WebSettings settings, ConsoleSecuritySettings security) {
        this.settings = settings;
        this.verifier = verifier(settings, security);
    }

    private static TokenVerifier verifier(WebSettings settings, ConsoleSecuritySettings security) {
        ConsoleSecuritySettings.Oidc oidc = security.oidc();
        boolean provider = oidc != null && oidc.configured();
        String secret = settings.jwtSecret();
        boolean local = (security.localTokens() == null || security.localTokens().enabled()) && secret != null
                && secret.getBytes(StandardCharsets.UTF_8).length >= AccessTokens.MIN_SECRET_BYTES;
        if (!local && !provider) {
            return null;
        }
        return new TokenVerifier(provider
                ? TokenVerifier.Settings.of(local ? secret : null, local, security.revokedTokenIds(), oidc.issuer(),
                        oidc.jwksUri(), oidc.audience(), oidc.rolesClaim(), oidc.roleMapping())
                : TokenVerifier.Settings.of(local ? secret : null, local, security.revokedTokenIds(), null, null,
                        null, null, null));
    }

    /** The rule the console checks tokens by; empty when it takes none. */
    Optional<TokenVerifier> verifier() {
        return Optional.ofNullable(verifier);
    }

    /** The token when it is valid and carries ADMIN or EDITOR. */
    public Optional<Caller> verify(@Nullable String token) {
        if (token == null || token.isBlank() || verifier == null) {
            return Optional.empty();
        }
        return verifier.verify(token.strip()).filter(caller -> caller.hasAnyRole(Roles.ADMIN, Roles.EDITOR));
    }

    public Optional<String> token(HttpRequest<?> request) {
        return session(request).map(Session::token);
    }

    public Optional<Caller> caller(HttpRequest<?> request) {
        return session(request).map(Session::caller);
    }

    private record Session(String token, Caller caller) {
    }

    @SuppressWarnings("unchecked")
    private Optional<Session> session(HttpRequest<?> request) {
        Optional<Object> known = request.getAttribute(SESSION);
        if (known.isPresent()) {
            return (Optional<Session>) known.get();
        }
        Optional<Session> session = request.getCookies().findCookie(COOKIE).map(Cookie::getValue)
                .flatMap(token -> verify(token).map(caller -> new Session(token, caller)));
        request.setAttribute(SESSION, session);
        return session;
    }

    Cookie signIn(String token, Caller caller) {
        return cookie(token.strip(), Duration.between(Instant.now(), caller.expiresAt()));
    }

    Cookie signOut() {
        return cookie("", Duration.ZERO);
    }

    private Cookie cookie(String value, Duration maxAge) {
        return Cookie.of(COOKIE, value).path("/").httpOnly(true).secure(settings.secureCookies())
                .sameSite(SameSite.Strict).maxAge(maxAge);
    }

    /** The form token for a signed-in admin: an HMAC of their token, so it needs no storage and ends with it. */
    @Nullable
    public String csrf(HttpRequest<?> request) {
        return token(request).map(this::csrfOf).orElse(null);
    }

    boolean csrfMatches(HttpRequest<?> request, @Nullable String submitted) {
        String expected = csrf(request);
        return expected != null && submitted != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8));
    }

    private String csrfOf(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            // Without a shared secret (provider tokens only) a fixed key is as good: the token it is derived from is
            // the secret part, and it never leaves the HttpOnly cookie.
            String key = settings.jwtSecret() == null || settings.jwtSecret().isBlank()
                    ? "careergraph-console-csrf" : settings.jwtSecret();
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("csrf:" + token).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}

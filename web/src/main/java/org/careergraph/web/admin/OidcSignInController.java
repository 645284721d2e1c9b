package org.careergraph.web.admin;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.careergraph.security.AccessTokens.Caller;
import org.careergraph.security.OidcProvider;
import org.careergraph.security.Roles;
import org.careergraph.security.TokenVerifier;
import org.careergraph.web.Urls;
import org.careergraph.web.WebSettings;
import org.careergraph.web.view.Views;

/**
 * Signing in to the console at the identity provider: the authorization code flow with PKCE (RFC 7636, S256), the
 * state and the nonce kept in a short-lived cookie of this browser and checked on the way back, the code exchanged at
 * the token endpoint of the provider's discovery document, the ID token checked by the services' rule (issuer,
 * signature from the JWK set, the console as audience, the nonce). What the console then keeps in its session cookie
 * is the token the services will take: the access token, or the ID token where the API's audience is the console's
 * client id. Outside /admin so that the admin filter lets the unsigned-in through.
 */
@Controller("/signin/oidc")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class OidcSignInController {

    static final String START = "/signin/oidc";
    static final String FLOW_COOKIE = "cg_oidc";
    /** Long enough to sign in at the provider, short enough that a forgotten flow does not linger. */
    private static final Duration FLOW_TIME = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AdminSession session;
    private final Views views;
    private final WebSettings web;
    private final ConsoleSecuritySettings.Oidc oidc;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private volatile OidcProvider provider;

    OidcSignInController(AdminSession session, Views views, WebSettings web, ConsoleSecuritySettings security) {
        this.session = session;
        this.views = views;
        this.web = web;
        this.oidc = security.oidc();
    }

    /** The provider's name for the sign-in page's button; empty when the console does not offer it. */
    Optional<String> offered() {
        if (oidc == null || !oidc.signInOffered()) {
            return Optional.empty();
        }
        return Optional.of(oidc.providerName() == null || oidc.providerName().isBlank()
                ? URI.create(oidc.issuer()).getHost() : oidc.providerName());
    }

    @Get
    HttpResponse<?> start(HttpRequest<?> request) {
        if (offered().isEmpty()) {
            return views.error(request, HttpStatus.NOT_FOUND, "error.notFound");
        }
        OidcProvider at;
        try {
            at = provider();
        } catch (IOException e) {
            return signInPage(request, HttpStatus.BAD_GATEWAY, "admin.oidc.unavailable");
        }
        String state = random();
        String nonce = random();
        String verifier = random();
        Set<String> scopes = new LinkedHashSet<>(List.of("openid"));
        if (oidc.scopes() != null) {
            oidc.scopes().stream().filter(scope -> !scope.isBlank()).map(String::strip).forEach(scopes::add);
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", oidc.clientId());
        query.put("redirect_uri", oidc.redirectUri().toString());
        query.put("scope", String.join(" ", scopes));
        query.put("state", state);
        query.put("nonce", nonce);
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        String base = at.authorizationEndpoint().toString();
        URI authorize = URI.create(base + (base.contains("?") ? "&" : "?") + Urls.form(query));
        return HttpResponse.seeOther(authorize).cookie(flowCookie(state + "." + nonce + "." + verifier, FLOW_TIME));
    }

    @Get("/callback")
    HttpResponse<?> callback(HttpRequest<?> request, @QueryValue @Nullable String code,
                             @QueryValue @Nullable String state, @QueryValue @Nullable String error) {
        if (offered().isEmpty()) {
            return views.error(request, HttpStatus.NOT_FOUND, "error.notFound");
        }
        String[] flow = request.getCookies().findCookie(FLOW_COOKIE).map(Cookie::getValue).orElse("").split("\\.");
        // Only the browser that started the sign-in comes back with its state: anything else is refused unread.
        if (flow.length != 3 || state == null || !MessageDigest.isEqual(flow[0].getBytes(StandardCharsets.UTF_8),
                state.getBytes(StandardCharsets.UTF_8))) {
            return signInPage(request, HttpStatus.BAD_REQUEST, "admin.oidc.expired");
        }
        if (error != null || code == null || code.isBlank()) {
            return refused(request);
        }
        Optional<String> kept = exchange(code, flow[1], flow[2]);
        Optional<Caller> caller = kept.flatMap(session::verify);
        if (caller.isEmpty()) {
            return refused(request);
        }
        return HttpResponse.seeOther(URI.create("/admin")).cookie(session.signIn(kept.get(), caller.get()))
                .cookie(flowCookie("", Duration.ZERO));
    }

    private HttpResponse<?> refused(HttpRequest<?> request) {
        return signInPage(request, HttpStatus.UNAUTHORIZED, "admin.oidc.refused");
    }

    /** The sign-in page again, saying what went wrong, with the button to start over; the flow is forgotten. */
    private HttpResponse<?> signInPage(HttpRequest<?> request, HttpStatus status, String problemKey) {
        return views.page(request, status, "admin/login", signInModel(views.context(request).getT().get(problemKey)))
                .cookie(flowCookie("", Duration.ZERO));
    }

    /** The sign-in page's model with the provider's button, for {@link SignInPageFilter} too. */
    Map<String, Object> signInModel(@Nullable String problem) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("failed", false);
        offered().ifPresent(name -> {
            model.put("provider", name);
            model.put("providerStart", START);
        });
        if (problem != null) {
            model.put("problem", problem);
        }
        return model;
    }

    /** The code for tokens; the token the services take, once the ID token has proved whose they are. */
    private Optional<String> exchange(String code, String nonce, String verifier) {
        Optional<TokenVerifier> rule = session.verifier();
        if (rule.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put("redirect_uri", oidc.redirectUri().toString());
        body.put("code_verifier", verifier);
        java.net.http.HttpRequest.Builder post;
        try {
            post = java.net.http.HttpRequest.newBuilder(provider().tokenEndpoint()).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json");
        } catch (IOException e) {
            return Optional.empty();
        }
        if (oidc.clientSecret() == null || oidc.clientSecret().isBlank()) {
            body.put("client_id", oidc.clientId());
        } else {
            // client_secret_basic (RFC 6749 2.3.1): both parts form-encoded before Base64.
            String basic = Urls.encode(oidc.clientId()) + ":" + Urls.encode(oidc.clientSecret());
            post.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            var answer = http.send(
                    post.POST(java.net.http.HttpRequest.BodyPublishers.ofString(Urls.form(body))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                return Optional.empty();
            }
            Map<String, Object> tokens = JSONObjectUtils.parse(answer.body());
            String idToken = JSONObjectUtils.getString(tokens, "id_token");
            String accessToken = JSONObjectUtils.getString(tokens, "access_token");
            Optional<Caller> signedIn = idToken == null ? Optional.empty()
                    : rule.get().verifyIdToken(idToken, oidc.clientId(), nonce);
            if (signedIn.isEmpty()) {
                return Optional.empty();
            }
            String subject = signedIn.get().subject();
            // The kept token must speak for the same person the ID token names.
            for (String candidate : new String[] {accessToken, idToken}) {
                if (candidate != null && rule.get().verify(candidate)
                        .filter(caller -> caller.subject().equals(subject))
                        .filter(caller -> caller.hasAnyRole(Roles.ADMIN, Roles.EDITOR)).isPresent()) {
                    return Optional.of(candidate);
                }
            }
            return Optional.empty();
        } catch (IOException | java.text.ParseException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private OidcProvider provider() throws IOException {
        OidcProvider known = provider;
        if (known == null) {
            known = OidcProvider.discover(oidc.issuer().strip());
            provider = known;
        }
        return known;
    }

    /** Lax, not Strict: the provider's redirect back is a navigation from another site, which must carry it. */
    private Cookie flowCookie(String value, Duration maxAge) {
        return Cookie.of(FLOW_COOKIE, value).path(START).httpOnly(true).secure(web.secureCookies())
                .sameSite(SameSite.Lax).maxAge(maxAge);
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

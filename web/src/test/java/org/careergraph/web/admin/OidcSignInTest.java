package org.careergraph.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.careergraph.security.AccessTokens;
import org.careergraph.security.Roles;
import org.careergraph.web.StubbedSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Signing in to the console at an identity provider, as a browser does it (each redirect followed by hand, cookies
 * carried by hand), against a provider on real HTTP: the authorization code flow with PKCE, state and nonce.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcSignInTest {

    private static final String SECRET = AccessTokens.newSecret();

    private final FakeIdentityProvider idp;
    private final EmbeddedServer web;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    OidcSignInTest() throws Exception {
        idp = new FakeIdentityProvider();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Map<String, Object> props = new HashMap<>();
        props.put("micronaut.server.port", port);
        props.put("micronaut.metrics.enabled", false);
        props.put("careergraph.web.secure-cookies", false);
        props.put("careergraph.web.jwt-secret", SECRET);
        props.put("careergraph.security.oidc.issuer", idp.issuer());
        props.put("careergraph.security.oidc.audience", FakeIdentityProvider.API_AUDIENCE);
        props.put("careergraph.security.oidc.roles-claim", "groups");
        props.put("careergraph.security.oidc.role-mapping", "console-admins=ADMIN,console-editors=EDITOR");
        props.put("careergraph.security.oidc.client-id", FakeIdentityProvider.CLIENT_ID);
        props.put("careergraph.security.oidc.client-secret", FakeIdentityProvider.CLIENT_SECRET);
        props.put("careergraph.security.oidc.redirect-uri", "http://127.0.0.1:" + port + "/signin/oidc/callback");
        props.put("careergraph.security.oidc.provider-name", "Test IdP");
        web = ApplicationContext.run(EmbeddedServer.class, props);
    }

    @AfterAll
    void stop() {
        web.close();
        idp.close();
    }

    @BeforeEach
    void anAdminSignsInAtTheProvider() {
        idp.user = "ana";
        idp.groups = List.of("console-admins");
        idp.wrongNonce = false;
    }

    @Test
    void theSignInPageOffersTheProviderAndTheCodeFlowSignsAnAdminIn() throws Exception {
        HttpResponse<String> page = get("/admin/login", Map.of());
        assertEquals(200, page.statusCode());
        assertTrue(StubbedSite.text(page.body()).contains("Sign in with Test IdP"), page.body());
        assertTrue(page.body().contains("href=\"/signin/oidc\""), page.body());
        assertTrue(page.body().contains("name=\"token\""), "pasting a token stays possible");

        HttpResponse<String> start = get("/signin/oidc", Map.of());
        assertEquals(303, start.statusCode());
        URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
        assertTrue(authorize.toString().startsWith(idp.issuer() + "/authorize?"), authorize.toString());
        Map<String, String> asked = StubbedSite.parameters(authorize);
        assertEquals("S256", asked.get("code_challenge_method"));
        assertEquals(43, asked.get("code_challenge").length(), "a SHA-256 in base64url");
        String flowCookie = cookie(start, OidcSignInController.FLOW_COOKIE).orElseThrow();
        assertTrue(start.headers().allValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith("cg_oidc=") && c.contains("SameSite=Lax") && c.toLowerCase().contains("httponly")),
                start.headers().allValues("Set-Cookie").toString());

        URI back = URI.create(http.send(HttpRequest.newBuilder(authorize).build(), HttpResponse.BodyHandlers.ofString())
                .headers().firstValue("Location").orElseThrow());
        HttpResponse<String> signedIn = get(back.getRawPath() + "?" + back.getRawQuery(),
                Map.of("Cookie", "cg_oidc=" + flowCookie));

        assertEquals(303, signedIn.statusCode(), signedIn.body());
        assertEquals("/admin", signedIn.headers().firstValue("Location").orElseThrow());
        String session = cookie(signedIn, AdminSession.COOKIE).orElseThrow();
        // The console keeps the access token, the one the services take (the API's audience), not the ID token.
        assertEquals(List.of(FakeIdentityProvider.API_AUDIENCE), SignedJWT.parse(session).getJWTClaimsSet()
                .getAudience());
        assertEquals(idp.issuer(), SignedJWT.parse(session).getJWTClaimsSet().getIssuer());
        Map<String, String> exchanged = idp.tokenRequests.getLast();
        assertEquals(43, exchanged.get("code_verifier").length());
        assertEquals(200, get("/admin", Map.of("Cookie", "cg_admin=" + session)).statusCode());
        assertEquals(303, get("/admin", Map.of()).statusCode(), "without the cookie: sent to sign in");
    }

    @Test
    void aCallbackWithAnotherStateOrWithoutTheFlowCookieIsRefused() throws Exception {
        HttpResponse<String> start = get("/signin/oidc", Map.of());
        String flowCookie = cookie(start, OidcSignInController.FLOW_COOKIE).orElseThrow();
        URI back = providerSendsBack(start);
        String code = StubbedSite.parameters(back).get("code");

        HttpResponse<String> forged = get("/signin/oidc/callback?code=" + code + "&state=forged",
                Map.of("Cookie", "cg_oidc=" + flowCookie));
        HttpResponse<String> noCookie = get(back.getRawPath() + "?" + back.getRawQuery(), Map.of());

        assertEquals(400, forged.statusCode());
        assertEquals(400, noCookie.statusCode());
        assertEquals(Optional.empty(), cookie(forged, AdminSession.COOKIE).filter(v -> !v.isEmpty()));
        assertEquals(Optional.empty(), cookie(noCookie, AdminSession.COOKIE).filter(v -> !v.isEmpty()));
        assertTrue(StubbedSite.text(forged.body()).contains("not started in this browser"), forged.body());
    }

    @Test
    void anIdTokenWithAnotherNonceIsRefused() throws Exception {
        idp.wrongNonce = true;

        HttpResponse<String> answer = completeFlow();

        assertEquals(401, answer.statusCode());
        assertEquals(Optional.empty(), cookie(answer, AdminSession.COOKIE).filter(v -> !v.isEmpty()));
    }

    @Test
    void someoneWithoutAConsoleRoleIsNotSignedIn() throws Exception {
        idp.groups = List.of("staff");

        HttpResponse<String> answer = completeFlow();

        assertEquals(401, answer.statusCode());
        assertEquals(Optional.empty(), cookie(answer, AdminSession.COOKIE).filter(v -> !v.isEmpty()));
        assertTrue(StubbedSite.text(answer.body()).contains("neither the ADMIN nor the EDITOR role"));
    }

    @Test
    void aPastedLocalOrProviderTokenStillSignsIn() throws Exception {
        String local = AccessTokens.issue(SECRET, "ops", List.of(Roles.ADMIN), Duration.ofMinutes(5));
        String provider = idp.sign(new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer(idp.issuer())
                .audience(FakeIdentityProvider.API_AUDIENCE).subject("bo").claim("groups", List.of("console-editors"))
                .expirationTime(new java.util.Date(System.currentTimeMillis() + 300_000)).build());
        String idTokenForTheConsole = idp.sign(new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer(idp.issuer())
                .audience(FakeIdentityProvider.CLIENT_ID).subject("bo").claim("groups", List.of("console-admins"))
                .expirationTime(new java.util.Date(System.currentTimeMillis() + 300_000)).build());

        assertEquals(303, paste(local).statusCode());
        assertEquals(303, paste(provider).statusCode());
        assertEquals(401, paste(idTokenForTheConsole).statusCode(), "not issued to the API");
    }

    private HttpResponse<String> completeFlow() throws Exception {
        HttpResponse<String> start = get("/signin/oidc", Map.of());
        String flowCookie = cookie(start, OidcSignInController.FLOW_COOKIE).orElseThrow();
        URI back = providerSendsBack(start);
        return get(back.getRawPath() + "?" + back.getRawQuery(), Map.of("Cookie", "cg_oidc=" + flowCookie));
    }

    private URI providerSendsBack(HttpResponse<String> start) throws Exception {
        URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
        return URI.create(http.send(HttpRequest.newBuilder(authorize).build(), HttpResponse.BodyHandlers.ofString())
                .headers().firstValue("Location").orElseThrow());
    }

    private HttpResponse<String> paste(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(web.getURL() + "/admin/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(web.getURL() + path));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<String> cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.contains(";") ? c.indexOf(';') : c.length())).findFirst();
    }
}

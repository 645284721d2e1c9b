package org.careergraph.web.admin;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.careergraph.web.StubbedSite;

/**
 * An OpenID provider on a free local port, real HTTP: discovery, an authorization endpoint that signs in whoever
 * the test says at once (as a provider does after its own login page) and sends the browser back with a code, a
 * token endpoint that holds the code to its client, redirect URI and PKCE challenge, and the JWK set.
 */
final class FakeIdentityProvider implements AutoCloseable {

    static final String CLIENT_ID = "careergraph-console";
    static final String CLIENT_SECRET = "console-secret";
    static final String API_AUDIENCE = "careergraph-api";

    private record Grant(String clientId, String redirectUri, String challenge, String nonce, String user) {
    }

    private final RSAKey key;
    private final HttpServer server;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();
    /** Who signs in at the provider next, and with which groups. */
    volatile String user = "ana";
    volatile List<String> groups = List.of("console-admins");
    /** A provider that answers with someone else's nonce: the console must refuse it. */
    volatile boolean wrongNonce;

    FakeIdentityProvider() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("idp-key").generate();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/.well-known/openid-configuration", exchange -> json(exchange, 200, """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
                 "jwks_uri":"%1$s/jwks","response_types_supported":["code"],
                 "code_challenge_methods_supported":["S256"]}""".formatted(issuer())));
        server.createContext("/jwks", exchange -> json(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = StubbedSite.parameters(exchange.getRequestURI());
        if (!"code".equals(query.get("response_type")) || !"S256".equals(query.get("code_challenge_method"))
                || !CLIENT_ID.equals(query.get("client_id")) || !query.getOrDefault("scope", "").contains("openid")) {
            json(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(query.get("client_id"), query.get("redirect_uri"), query.get("code_challenge"),
                query.get("nonce"), user));
        exchange.getResponseHeaders().set("Location", query.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = StubbedSite.parameters(URI.create("?" + new String(
                exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        tokenRequests.add(form);
        String basic = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        // A code is good once, for the client it was given to, with the verifier of its challenge.
        Grant grant = codes.remove(form.getOrDefault("code", ""));
        if (grant == null || !basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))
                || !"authorization_code".equals(form.get("grant_type"))
                || !grant.redirectUri().equals(form.get("redirect_uri"))
                || !grant.challenge().equals(s256(form.getOrDefault("code_verifier", "")))) {
            json(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        try {
            String idToken = sign(claims(CLIENT_ID, grant.user())
                    .claim("nonce", wrongNonce ? "someone-elses" : grant.nonce()).build());
            String accessToken = sign(claims(API_AUDIENCE, grant.user()).claim("groups", groups).build());
            json(exchange, 200, """
                    {"access_token":"%s","id_token":"%s","token_type":"Bearer","expires_in":300}"""
                    .formatted(accessToken, idToken));
        } catch (Exception e) {
            json(exchange, 500, "{\"error\":\"server_error\"}");
        }
    }

    private JWTClaimsSet.Builder claims(String audience, String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer()).audience(audience).subject(subject)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)));
    }

    String sign(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

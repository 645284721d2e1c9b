package org.careergraph.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An identity provider as far as token checking sees one: a real HTTP server on a free local port serving a
 * discovery document and a JWK set of keys made here, and tokens signed with them.
 */
final class TestIdentityProvider implements AutoCloseable {

    final RSAKey rsa;
    final ECKey ec;
    private final HttpServer server;
    private final AtomicInteger jwksFetches = new AtomicInteger();
    /** Keys the provider publishes beside its first two: a rotation. */
    private final List<JWK> added = new java.util.concurrent.CopyOnWriteArrayList<>();

    TestIdentityProvider() throws IOException, JOSEException {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/jwks.json", exchange -> {
            jwksFetches.incrementAndGet();
            List<JWK> published = new java.util.ArrayList<>(List.of(rsa.toPublicJWK(), ec.toPublicJWK()));
            published.addAll(added);
            send(exchange, new JWKSet(published).toString());
        });
        server.createContext("/.well-known/openid-configuration", exchange -> send(exchange, """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
                 "jwks_uri":"%1$s/jwks.json"}""".formatted(issuer())));
        server.start();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    java.net.URI jwksUri() {
        return java.net.URI.create(issuer() + "/jwks.json");
    }

    /** Publishes one more key from now on, as a provider does before it signs with a new one. */
    void publish(JWK key) {
        added.add(key.toPublicJWK());
    }

    int jwksFetches() {
        return jwksFetches.get();
    }

    /** Claims of a good token: this issuer, the audience, an hour to live. */
    JWTClaimsSet.Builder claims(String audience, Object roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer()).audience(audience).subject("ana@idp")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600))).claim("roles", roles);
    }

    String rs256(JWTClaimsSet claims) throws JOSEException {
        return sign(new RSASSASigner(rsa), new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(rsa.getKeyID()).build(),
                claims);
    }

    String es256(JWTClaimsSet claims) throws JOSEException {
        return sign(new ECDSASigner(ec), new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(ec.getKeyID()).build(),
                claims);
    }

    static String sign(JWSSigner signer, JWSHeader header, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static void send(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

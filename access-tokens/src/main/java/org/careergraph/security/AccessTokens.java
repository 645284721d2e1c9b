package org.careergraph.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues the HS256 bearer tokens the services accept (signed with the shared JWT_SECRET). Used by the local
 * launcher to hand an operator an admin token, and by tests; in production an identity provider issues them. The web
 * front verifies the token an admin signs in with.
 */
public final class AccessTokens {

    /** The shortest secret HS256 is safe with (its output size). */
    public static final int MIN_SECRET_BYTES = 32;
    /** How far the clocks of the issuer and the checker may disagree, for "exp" and "nbf". */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    /** The "iss" of every token signed with the shared secret; an HS256 token naming another issuer is refused. */
    public static final String LOCAL_ISSUER = "careergraph-local";

    private AccessTokens() {
    }

    public static String issue(String secret, String subject, List<String> roles, Duration validFor) {
        return mint(secret, subject, roles, validFor).token();
    }

    /** A token signed with the secret, and the id ("jti") by which it can be revoked. */
    public record Minted(String token, String id, Instant expiresAt) {
    }

    /** Signs a token with a fresh random "jti" and {@link #LOCAL_ISSUER} as its issuer. */
    public static Minted mint(String secret, String subject, List<String> roles, Duration validFor) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the JWT secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        Instant now = Instant.now();
        Instant expires = now.plus(validFor);
        String id = UUID.randomUUID().toString();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(LOCAL_ISSUER)
                .jwtID(id)
                .subject(subject)
                .claim("roles", roles)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
        // Date keeps whole seconds in a JWT: the expiry as a verifier will read it.
        return new Minted(jwt.serialize(), id, Instant.ofEpochSecond(expires.getEpochSecond()));
    }

    /** Who a valid token speaks for. */
    public record Caller(String subject, List<String> roles, Instant expiresAt) {

        public boolean hasAnyRole(String... wanted) {
            return List.of(wanted).stream().anyMatch(roles::contains);
        }
    }

    /**
     * The caller a token names, by the one rule every service and the console hold to: signed with the secret by
     * HS256 (no other algorithm), with a subject and an "exp" time (required), not expired and not before its "nbf"
     * time, both give or take {@link #CLOCK_SKEW}; empty for anything else, whatever is wrong with it.
     */
    public static Optional<Caller> verify(String secret, String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())
                    || !jwt.verify(new MACVerifier(secret.getBytes(StandardCharsets.UTF_8)))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = Instant.now();
            Date expires = claims.getExpirationTime();
            Date notBefore = claims.getNotBeforeTime();
            if (expires == null || !expires.toInstant().plus(CLOCK_SKEW).isAfter(now) || claims.getSubject() == null
                    || notBefore != null && notBefore.toInstant().minus(CLOCK_SKEW).isAfter(now)) {
                return Optional.empty();
            }
            List<String> roles = claims.getStringListClaim("roles");
            return Optional.of(new Caller(claims.getSubject(), roles == null ? List.of() : List.copyOf(roles),
                    expires.toInstant()));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A random secret long enough for HS256, for a fresh local installation or a test. */
    public static String newSecret() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

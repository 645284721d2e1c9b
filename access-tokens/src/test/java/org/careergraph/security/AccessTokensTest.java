package org.careergraph.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.careergraph.security.AccessTokens.Caller;
import org.junit.jupiter.api.Test;

class AccessTokensTest {

    private static final String SECRET = AccessTokens.newSecret();

    @Test
    void anIssuedTokenVerifiesAsItsCaller() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String token = AccessTokens.issue(SECRET, "ana", List.of(Roles.ADMIN, Roles.EDITOR), Duration.ofHours(1));

        Caller caller = AccessTokens.verify(SECRET, token).orElseThrow();

        assertEquals("ana", caller.subject());
        assertEquals(List.of(Roles.ADMIN, Roles.EDITOR), caller.roles());
        Instant expected = before.plus(Duration.ofHours(1));
        assertFalse(caller.expiresAt().isBefore(expected), caller.expiresAt() + " is before " + expected);
        assertFalse(caller.expiresAt().isAfter(expected.plusSeconds(5)), caller.expiresAt() + " is too late");
    }

    @Test
    void aTokenWithoutRolesHasNone() throws Exception {
        String token = hs256(SECRET, claims("ana", Instant.now().plusSeconds(60)).build());

        assertEquals(List.of(), AccessTokens.verify(SECRET, token).orElseThrow().roles());
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRejected() {
        String token = AccessTokens.issue(AccessTokens.newSecret(), "mallory", List.of(Roles.ADMIN),
                Duration.ofHours(1));

        assertEquals(Optional.empty(), AccessTokens.verify(SECRET, token));
    }

    @Test
    void anExpiredTokenIsRejected() throws Exception {
        String token = hs256(SECRET, claims("ana", Instant.now().minus(AccessTokens.CLOCK_SKEW).minusSeconds(5))
                .build());

        assertEquals(Optional.empty(), AccessTokens.verify(SECRET, token));
    }

    @Test
    void clocksMayDisagreeByTheSkewAndNoMore() throws Exception {
        Instant now = Instant.now();
        String justExpired = hs256(SECRET, claims("ana", now.minusSeconds(5)).build());
        String almostValid = hs256(SECRET, claims("ana", now.plusSeconds(3600))
                .notBeforeTime(Date.from(now.plusSeconds(5))).build());
        String notYetValid = hs256(SECRET, claims("ana", now.plusSeconds(3600))
                .notBeforeTime(Date.from(now.plus(AccessTokens.CLOCK_SKEW).plusSeconds(30))).build());

        assertTrue(AccessTokens.verify(SECRET, justExpired).isPresent());
        assertTrue(AccessTokens.verify(SECRET, almostValid).isPresent());
        assertEquals(Optional.empty(), AccessTokens.verify(SECRET, notYetValid));
    }

    @Test
    void aTokenWithoutExpiryOrSubjectIsRejected() throws Exception {
        String noExpiry = hs256(SECRET, new JWTClaimsSet.Builder().subject("ana").claim("roles", List.of("ADMIN"))
                .build());
        String noSubject = hs256(SECRET, new JWTClaimsSet.Builder().claim("roles", List.of("ADMIN"))
                .expirationTime(Date.from(Instant.now().plusSeconds(60))).build());

        assertEquals(Optional.empty(), AccessTokens.verify(SECRET, noExpiry));
        assertEquals(Optional.empty(), AccessTokens.verify(SECRET, noSubject));
    }

    @Test
    void aTokenNotValidYetIsRejected() throws Exception {
        String token = hs256(SECRET, claims("ana", Instant.now().plusSeconds(7200))
                .notBeforeTime(Date.from(Instant.now().plusSeconds(3600))).build());
        String valid = hs256(SECRET, claims("ana", Instant.now().plusSeconds(7200))
                .notBeforeTime(Date.from(Instant.now().minusSeconds(1))).build());

        assertEquals(Optional.empty(), AccessTokens.verify(SECRET, token));
        assertTrue(AccessTokens.verify(SECRET, valid).isPresent());
    }

    @Test
    void aTamperedPayloadIsRejected() {
        String token = AccessTokens.issue(SECRET, "ana", List.of(Roles.EDITOR), Duration.ofHours(1));
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String promoted = payload.replace("\"" + Roles.EDITOR + "\"", "\"" + Roles.ADMIN + "\"");
        assertTrue(promoted.contains(Roles.ADMIN), promoted);
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(promoted.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertEquals(Optional.empty(), AccessTokens.verify(SECRET, tampered));
    }

    @Test
    void garbageIsRejected() {
        for (String garbage : new String[] {"", "not a token", "a.b.c", "Bearer x", null}) {
            assertEquals(Optional.empty(), AccessTokens.verify(SECRET, garbage), String.valueOf(garbage));
        }
    }

    @Test
    void anUnsignedTokenIsRejected() {
        String token = new PlainJWT(claims("ana", Instant.now().plusSeconds(60)).build()).serialize();

        assertEquals(Optional.empty(), AccessTokens.verify(SECRET, token));
    }

    @Test
    void anHs512TokenIsRejectedEvenWithTheRightSecret() throws Exception {
        String longSecret = SECRET + SECRET; // HS512 needs 64 bytes
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS512),
                claims("ana", Instant.now().plusSeconds(60)).build());
        jwt.sign(new MACSigner(longSecret.getBytes(StandardCharsets.UTF_8)));

        assertEquals(Optional.empty(), AccessTokens.verify(longSecret, jwt.serialize()));
    }

    @Test
    void issueRefusesASecretUnder32Bytes() {
        String shortSecret = "x".repeat(31);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AccessTokens.issue(shortSecret, "ana", List.of(), Duration.ofHours(1)));
        assertTrue(e.getMessage().contains("32"), e.getMessage());
        AccessTokens.issue("x".repeat(32), "ana", List.of(), Duration.ofHours(1));
    }

    @Test
    void newSecretsAreLongEnoughAndDifferent() {
        String secret = AccessTokens.newSecret();

        assertTrue(secret.getBytes(StandardCharsets.UTF_8).length >= 32);
        assertFalse(secret.equals(AccessTokens.newSecret()));
    }

    @Test
    void hasAnyRole() {
        Caller editor = new Caller("ed", List.of(Roles.EDITOR), Instant.now());

        assertTrue(editor.hasAnyRole(Roles.ADMIN, Roles.EDITOR));
        assertTrue(editor.hasAnyRole(Roles.EDITOR));
        assertFalse(editor.hasAnyRole(Roles.ADMIN));
        assertFalse(editor.hasAnyRole());
        assertFalse(new Caller("nobody", List.of(), Instant.now()).hasAnyRole(Roles.ADMIN, Roles.EDITOR));
    }

    private static JWTClaimsSet.Builder claims(String subject, Instant expires) {
        return new JWTClaimsSet.Builder().subject(subject).expirationTime(Date.from(expires));
    }

    private static String hs256(String secret, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}

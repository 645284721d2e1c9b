package org.careergraph.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.careergraph.security.AccessTokens.Caller;
import org.careergraph.security.TokenVerifier.Oidc;
import org.careergraph.security.TokenVerifier.Settings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The rule for local and provider tokens, against a JWK set served over real HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenVerifierTest {

    private static final String SECRET = AccessTokens.newSecret();
    private static final String AUDIENCE = "careergraph-api";

    private TestIdentityProvider idp;
    private TokenVerifier both;

    @BeforeAll
    void start() throws Exception {
        idp = new TestIdentityProvider();
        both = new TokenVerifier(new Settings(SECRET, true, Set.of(), oidc(Map.of())));
    }

    @AfterAll
    void stop() {
        idp.close();
    }

    private Oidc oidc(Map<String, String> mapping) {
        return new Oidc(idp.issuer(), idp.jwksUri(), AUDIENCE, "roles", mapping);
    }

    @Test
    void aProviderTokenWithTheRightIssuerAndAudienceIsAccepted() throws Exception {
        Caller caller = both.verify(idp.rs256(idp.claims(AUDIENCE, List.of("ADMIN", "viewer")).build()))
                .orElseThrow();

        assertEquals("ana@idp", caller.subject());
        assertEquals(List.of(Roles.ADMIN), caller.roles());
        assertEquals(List.of(Roles.EDITOR),
                both.verify(idp.es256(idp.claims(AUDIENCE, List.of("EDITOR")).build())).orElseThrow().roles());
    }

    @Test
    void anAudienceListNeedsOnlyToContainOurs() throws Exception {
        JWTClaimsSet claims = idp.claims(AUDIENCE, List.of("ADMIN")).audience(List.of("account", AUDIENCE)).build();

        assertTrue(both.verify(idp.rs256(claims)).isPresent());
    }

    @Test
    void aProviderTokenOutsideTheRuleIsRefused() throws Exception {
        Instant now = Instant.now();
        List<String> admin = List.of("ADMIN");

        assertRefused(idp.rs256(idp.claims(AUDIENCE, admin).issuer("http://127.0.0.1:1/other").build()), "issuer");
        assertRefused(idp.rs256(idp.claims(AUDIENCE, admin).issuer(idp.issuer() + "/").build()), "issuer + /");
        assertRefused(idp.rs256(idp.claims("another-app", admin).build()), "audience");
        assertRefused(idp.rs256(idp.claims(AUDIENCE, admin).audience((String) null).build()), "no audience");
        assertRefused(idp.rs256(idp.claims(AUDIENCE, admin)
                .expirationTime(Date.from(now.minusSeconds(120))).build()), "expired");
        assertRefused(idp.rs256(idp.claims(AUDIENCE, admin).expirationTime(null).build()), "no exp");
        assertRefused(idp.rs256(idp.claims(AUDIENCE, admin).notBeforeTime(Date.from(now.plusSeconds(600))).build()),
                "not yet valid");
        assertRefused(idp.rs256(idp.claims(AUDIENCE, admin).subject(null).build()), "no subject");
    }

    @Test
    void theClockSkewIsAMinuteAsForLocalTokens() throws Exception {
        Instant now = Instant.now();

        assertTrue(both.verify(idp.rs256(idp.claims(AUDIENCE, List.of("ADMIN"))
                .expirationTime(Date.from(now.minusSeconds(30))).build())).isPresent());
        assertTrue(both.verify(idp.rs256(idp.claims(AUDIENCE, List.of("ADMIN"))
                .notBeforeTime(Date.from(now.plusSeconds(30))).build())).isPresent());
    }

    @Test
    void aKeyOutsideTheJwksIsRefused() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("rsa-unknown").generate();
        JWTClaimsSet claims = idp.claims(AUDIENCE, List.of("ADMIN")).build();

        assertRefused(TestIdentityProvider.sign(new RSASSASigner(stranger),
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-unknown").build(), claims), "unknown kid");
        assertRefused(TestIdentityProvider.sign(new RSASSASigner(stranger),
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(idp.rsa.getKeyID()).build(), claims),
                "known kid, other key");
        assertRefused(TestIdentityProvider.sign(new RSASSASigner(stranger),
                new JWSHeader.Builder(JWSAlgorithm.RS256).build(), claims), "no kid, other key");
    }

    @Test
    void aRotatedKeyIsFetchedAndUnknownKeyIdsFetchTheJwksNoMoreThanThat() throws Exception {
        TestIdentityProvider rotating = new TestIdentityProvider();
        try (rotating) {
            TokenVerifier fresh = new TokenVerifier(new Settings(SECRET, true, Set.of(),
                    new Oidc(rotating.issuer(), rotating.jwksUri(), AUDIENCE, "roles", Map.of())));
            JWTClaimsSet claims = rotating.claims(AUDIENCE, List.of("ADMIN")).build();
            assertTrue(fresh.verify(rotating.rs256(claims)).isPresent());
            assertEquals(1, rotating.jwksFetches());

            RSAKey next = new RSAKeyGenerator(2048).keyID("rsa-2").generate();
            rotating.publish(next);
            String signedWithNext = TestIdentityProvider.sign(new RSASSASigner(next),
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-2").build(), claims);
            assertTrue(fresh.verify(signedWithNext).isPresent(), "a key the provider published since the last fetch");
            assertEquals(2, rotating.jwksFetches());

            RSAKey stranger = new RSAKeyGenerator(2048).generate();
            for (int i = 0; i < 20; i++) {
                assertRefused(fresh, TestIdentityProvider.sign(new RSASSASigner(stranger),
                        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("made-up-" + i).build(), claims), "kid " + i);
            }
            assertEquals(2, rotating.jwksFetches(), "made-up key ids within the minute fetch nothing more");
            assertTrue(fresh.verify(signedWithNext).isPresent(), "the cached keys still serve");
        }
    }

    @Test
    void anHs256TokenNamingTheProviderIsRefused() throws Exception {
        JWTClaimsSet claims = idp.claims(AUDIENCE, List.of("ADMIN")).build();

        // Signed with the shared secret, and with the provider's public key as an HMAC key (the classic confusion).
        assertRefused(hs256(SECRET.getBytes(StandardCharsets.UTF_8), claims), "shared secret, provider's iss");
        assertRefused(hs256(idp.rsa.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8), claims),
                "public key as HMAC key");
        assertRefused(hs256(SECRET.getBytes(StandardCharsets.UTF_8),
                new JWTClaimsSet.Builder(claims).issuer("someone-else").build()), "shared secret, foreign iss");
    }

    @Test
    void localTokensStillWorkBesideTheProvider() {
        AccessTokens.Minted minted = AccessTokens.mint(SECRET, "ops", List.of(Roles.ADMIN), Duration.ofMinutes(5));
        String launcherToken = AccessTokens.issue(SECRET, "local-admin", List.of(Roles.ADMIN), Duration.ofMinutes(5));

        assertEquals(List.of(Roles.ADMIN), both.verify(minted.token()).orElseThrow().roles());
        assertTrue(both.verify(launcherToken).isPresent());
        assertTrue(new TokenVerifier(Settings.localOnly(SECRET)).verify(minted.token()).isPresent());
    }

    @Test
    void withLocalTokensOffEveryHs256TokenIsRefused() throws Exception {
        TokenVerifier providerOnly = new TokenVerifier(new Settings(SECRET, false, Set.of(), oidc(Map.of())));
        String local = AccessTokens.issue(SECRET, "ops", List.of(Roles.ADMIN), Duration.ofMinutes(5));

        assertTrue(both.verify(local).isPresent());
        assertRefused(providerOnly, local, "a local token");
        assertTrue(providerOnly.verify(idp.rs256(idp.claims(AUDIENCE, List.of("ADMIN")).build())).isPresent());
    }

    @Test
    void unsignedTokensAreRefused() throws Exception {
        String none = new PlainJWT(idp.claims(AUDIENCE, List.of("ADMIN")).build()).serialize();
        String localNone = new PlainJWT(new JWTClaimsSet.Builder().subject("x").claim("roles", List.of("ADMIN"))
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).build()).serialize();

        assertRefused(none, "alg none, provider claims");
        assertRefused(localNone, "alg none, local claims");
        assertRefused("not a token", "garbage");
    }

    @Test
    void rolesComeFromTheConfiguredClaimThroughTheMapping() throws Exception {
        TokenVerifier keycloak = new TokenVerifier(new Settings(SECRET, true, Set.of(),
                new Oidc(idp.issuer(), idp.jwksUri(), AUDIENCE, "realm_access.roles",
                        Oidc.parseRoleMapping(List.of("cg-admins=ADMIN", " cg-editors = EDITOR ")))));
        JWTClaimsSet claims = idp.claims(AUDIENCE, List.of("ADMIN"))
                .claim("realm_access", Map.of("roles", List.of("offline_access", "cg-editors", "cg-admins"))).build();
        JWTClaimsSet unmapped = idp.claims(AUDIENCE, List.of("ADMIN"))
                .claim("realm_access", Map.of("roles", List.of("ADMIN"))).build();

        assertEquals(List.of(Roles.EDITOR, Roles.ADMIN), keycloak.verify(idp.rs256(claims)).orElseThrow().roles());
        // With a mapping only mapped names count: the provider's own "ADMIN" group is not ours.
        assertEquals(List.of(), keycloak.verify(idp.rs256(unmapped)).orElseThrow().roles());
        assertEquals(List.of(Roles.ADMIN),
                both.verify(idp.rs256(idp.claims(AUDIENCE, "ADMIN").build())).orElseThrow().roles());
        assertThrows(IllegalArgumentException.class, () -> Oidc.parseRoleMapping(List.of("admins")));
        assertThrows(IllegalArgumentException.class,
                () -> new Oidc(idp.issuer(), null, AUDIENCE, "roles", Map.of("admins", "ROOT")));
    }

    @Test
    void theJwksIsFoundThroughDiscovery() throws Exception {
        TokenVerifier discovered = new TokenVerifier(new Settings(SECRET, true, Set.of(),
                new Oidc(idp.issuer(), null, AUDIENCE, null, null)));

        assertTrue(discovered.verify(idp.rs256(idp.claims(AUDIENCE, List.of("ADMIN")).build())).isPresent());
        assertEquals(idp.jwksUri(), OidcProvider.discover(idp.issuer()).jwksUri());
    }

    @Test
    void aProviderThatDoesNotAnswerRefusesTokensInsteadOfFailing() throws Exception {
        TokenVerifier unreachable = new TokenVerifier(new Settings(SECRET, true, Set.of(),
                new Oidc("http://127.0.0.1:1", null, AUDIENCE, null, null)));

        assertEquals(Optional.empty(), unreachable.verify(idp.rs256(idp.claims(AUDIENCE, List.of("ADMIN"))
                .issuer("http://127.0.0.1:1").build())));
    }

    @Test
    void revokedTokenIdsAreRefused() throws Exception {
        AccessTokens.Minted revoked = AccessTokens.mint(SECRET, "ops", List.of(Roles.ADMIN), Duration.ofMinutes(5));
        AccessTokens.Minted kept = AccessTokens.mint(SECRET, "ops", List.of(Roles.ADMIN), Duration.ofMinutes(5));
        TokenVerifier verifier = new TokenVerifier(new Settings(SECRET, true, Set.of(revoked.id(), "idp-token-7"),
                oidc(Map.of())));

        assertRefused(verifier, revoked.token(), "revoked local token");
        assertTrue(verifier.verify(kept.token()).isPresent());
        assertRefused(verifier, idp.rs256(idp.claims(AUDIENCE, List.of("ADMIN")).jwtID("idp-token-7").build()),
                "revoked provider token");
    }

    @Test
    void anIdTokenNeedsTheClientAsAudienceAndTheNonce() throws Exception {
        String idToken = idp.rs256(idp.claims("console", List.of("ADMIN")).claim("nonce", "n-1").build());
        String local = AccessTokens.issue(SECRET, "ops", List.of(Roles.ADMIN), Duration.ofMinutes(5));

        assertTrue(both.verifyIdToken(idToken, "console", "n-1").isPresent());
        assertEquals(Optional.empty(), both.verifyIdToken(idToken, "console", "n-2"));
        assertEquals(Optional.empty(), both.verifyIdToken(idToken, "another-client", "n-1"));
        assertEquals(Optional.empty(), both.verify(idToken), "issued to the console, not to the API");
        assertEquals(Optional.empty(), both.verifyIdToken(local, "console", "n-1"));
    }

    @Test
    void settingsThatCouldNeverWorkAreRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> Settings.localOnly("short"));
        assertThrows(IllegalArgumentException.class, () -> new Settings(SECRET, false, Set.of(), null));
        assertThrows(IllegalArgumentException.class, () -> new Oidc(idp.issuer(), null, " ", null, null));
        // With local tokens off the secret is not needed.
        new Settings(null, false, Set.of(), oidc(Map.of()));
    }

    private void assertRefused(String token, String what) {
        assertRefused(both, token, what);
    }

    private static void assertRefused(TokenVerifier verifier, String token, String what) {
        assertEquals(Optional.empty(), verifier.verify(token), what);
    }

    private static String hs256(byte[] key, JWTClaimsSet claims) throws Exception {
        return TestIdentityProvider.sign(new MACSigner(key), new JWSHeader(JWSAlgorithm.HS256), claims);
    }
}

package org.careergraph.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.careergraph.security.AccessTokens.Caller;
import org.junit.jupiter.api.Test;

/** Minting and revoking as an operator runs them, checked by the verifier every service uses. */
class TokenCommandTest {

    private static final String SECRET = AccessTokens.newSecret();

    private record Result(int status, Map<String, String> lines, String err) {
    }

    private static Result run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = TokenCommand.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        Map<String, String> lines = new LinkedHashMap<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("#")) {
                lines.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return new Result(status, lines, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aMintedTokenVerifiesWithItsRolesIdAndExpiry() throws Exception {
        Instant before = Instant.now();
        Result minted = run(Map.of("JWT_SECRET", SECRET),
                "mint", "--subject", "alice", "--role", "ADMIN", "--role", "EDITOR", "--valid", "P30D");

        assertEquals(0, minted.status(), minted.err());
        Caller caller = new TokenVerifier(TokenVerifier.Settings.localOnly(SECRET))
                .verify(minted.lines().get("token")).orElseThrow();
        assertEquals("alice", caller.subject());
        assertEquals(List.of(Roles.ADMIN, Roles.EDITOR), caller.roles());
        Instant expected = before.plus(Duration.ofDays(30));
        assertTrue(!caller.expiresAt().isBefore(expected.minusSeconds(1))
                && caller.expiresAt().isBefore(expected.plusSeconds(60)), caller.expiresAt() + " vs " + expected);
        assertEquals(caller.expiresAt().toString(), minted.lines().get("expires"));
        SignedJWT jwt = SignedJWT.parse(minted.lines().get("token"));
        assertEquals(minted.lines().get("jti"), jwt.getJWTClaimsSet().getJWTID());
        assertEquals(AccessTokens.LOCAL_ISSUER, jwt.getJWTClaimsSet().getIssuer());
        assertFalse(new TokenVerifier(TokenVerifier.Settings.localOnly(AccessTokens.newSecret()))
                .verify(minted.lines().get("token")).isPresent(), "another installation's secret");
    }

    @Test
    void aRevokedTokenIsRefusedAndTheOthersAreNot() {
        Map<String, String> env = new HashMap<>(Map.of("JWT_SECRET", SECRET));
        String lost = run(env, "mint", "--subject", "bob", "--role", "ADMIN", "--valid", "PT12H").lines().get("token");
        Result lostIds = run(env, "mint", "--subject", "bob", "--role", "ADMIN", "--valid", "PT12H");
        String kept = lostIds.lines().get("token");
        String lostId = jti(lost);

        env.put("REVOKED_TOKEN_IDS", "earlier-1,earlier-2");
        Result revoked = run(env, "revoke", lostId);

        assertEquals(0, revoked.status(), revoked.err());
        String list = revoked.lines().get("REVOKED_TOKEN_IDS");
        assertEquals("earlier-1,earlier-2," + lostId, list);
        TokenVerifier service = new TokenVerifier(new TokenVerifier.Settings(SECRET, true,
                Set.copyOf(Arrays.asList(list.split(","))), null));
        assertEquals(Optional.empty(), service.verify(lost));
        assertTrue(service.verify(kept).isPresent());

        env.put("REVOKED_TOKEN_IDS", list);
        assertEquals(list, run(env, "revoke", lostId).lines().get("REVOKED_TOKEN_IDS"), "revoking twice");
    }

    @Test
    void theSecretComesOnlyFromTheEnvironmentAndBadInputIsRefused() {
        Map<String, String> env = Map.of("JWT_SECRET", SECRET);

        Result noSecret = run(Map.of(), "mint", "--subject", "a", "--role", "ADMIN", "--valid", "P1D");
        assertEquals(TokenCommand.USAGE, noSecret.status());
        assertTrue(noSecret.err().contains("JWT_SECRET"), noSecret.err());
        Result secretArgument = run(env, "mint", "--secret", SECRET, "--subject", "a", "--role", "ADMIN",
                "--valid", "P1D");
        assertEquals(TokenCommand.USAGE, secretArgument.status());
        assertTrue(secretArgument.err().contains("JWT_SECRET only"), secretArgument.err());
        assertEquals(TokenCommand.USAGE, run(Map.of("JWT_SECRET", "short"), "mint", "--subject", "a", "--role",
                "ADMIN", "--valid", "P1D").status());
        assertEquals(TokenCommand.USAGE, run(env, "mint", "--subject", "a", "--role", "ROOT", "--valid", "P1D").status());
        assertEquals(TokenCommand.USAGE, run(env, "mint", "--subject", "a", "--valid", "P1D").status());
        assertEquals(TokenCommand.USAGE, run(env, "mint", "--subject", "a", "--role", "ADMIN", "--valid", "P400D")
                .status());
        assertEquals(TokenCommand.USAGE, run(env, "mint", "--subject", "a", "--role", "ADMIN", "--valid", "30 days")
                .status());
        assertEquals(TokenCommand.USAGE, run(env, "revoke", "a,b").status());
        assertEquals(TokenCommand.USAGE, run(env, "revoke").status());
        assertEquals(TokenCommand.USAGE, run(env).status());
    }

    private static String jti(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet().getJWTID();
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }
}

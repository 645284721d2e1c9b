package org.careergraph.testsupport;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.careergraph.security.AccessTokens;

/** The key every service under test verifies bearer tokens with (one per test JVM), and tokens signed with it. */
final class TestTokens {

    static final String JWT_SECRET = newJwtSecret();

    private TestTokens() {
    }

    /** A bearer token with one role ({@code ADMIN}, {@code EDITOR}, …), valid an hour. */
    static String token(String role) {
        return AccessTokens.issue(JWT_SECRET, role.toLowerCase(Locale.ROOT) + "@test", List.of(role),
                Duration.ofHours(1));
    }

    private static String newJwtSecret() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

package org.careergraph.platform.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;
import org.careergraph.security.TokenVerifier;

/**
 * Which bearer tokens a service takes (ADR 0005): local tokens signed with the shared secret, an identity provider's,
 * or both; and the ids of revoked tokens.
 *
 * @param jwtSecret       the HS256 key of local tokens (JWT_SECRET)
 * @param revokedTokenIds "jti" values refused from now on (REVOKED_TOKEN_IDS, a comma list)
 * @param localTokens     whether local tokens are taken
 * @param oidc            the identity provider, if any
 */
@ConfigurationProperties("careergraph.security")
public record SecuritySettings(@Nullable String jwtSecret, @Nullable List<String> revokedTokenIds,
                               LocalTokens localTokens, Oidc oidc) {

    /** @param enabled off once an identity provider issues every token: then no HS256 token is taken */
    @ConfigurationProperties("local-tokens")
    public record LocalTokens(@Bindable(defaultValue = "true") boolean enabled) {
    }

    /**
     * @param issuer      the provider's issuer, exactly as in "iss"; empty: no provider
     * @param jwksUri     its JWK set; empty: from {@code <issuer>/.well-known/openid-configuration}
     * @param audience    what "aud" must contain
     * @param rolesClaim  where the roles are, a dotted path
     * @param roleMapping {@code provider-name=ROLE} pairs; empty: the same names
     */
    @ConfigurationProperties("oidc")
    public record Oidc(@Nullable String issuer, @Nullable String jwksUri, @Nullable String audience,
                       @Nullable String rolesClaim, @Nullable List<String> roleMapping) {
    }

    /** The verifier's settings; refuses (at start) what could never work, as a short secret with local tokens on. */
    public TokenVerifier.Settings verifierSettings() {
        boolean local = localTokens == null || localTokens.enabled();
        return oidc == null ? TokenVerifier.Settings.of(jwtSecret, local, revokedTokenIds, null, null, null, null, null)
                : TokenVerifier.Settings.of(jwtSecret, local, revokedTokenIds, oidc.issuer(), oidc.jwksUri(),
                        oidc.audience(), oidc.rolesClaim(), oidc.roleMapping());
    }
}

package org.careergraph.web.admin;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.URI;
import java.util.List;

/**
 * Which tokens the console takes, by the same names (and environment variables) as the services' (ADR 0005), and
 * the console's own client at the identity provider for signing in with it.
 *
 * @param revokedTokenIds "jti" values refused (REVOKED_TOKEN_IDS)
 * @param localTokens     whether local HS256 tokens are taken (LOCAL_TOKENS_ENABLED)
 * @param oidc            the identity provider, if any
 */
@ConfigurationProperties("careergraph.security")
public record ConsoleSecuritySettings(@Nullable List<String> revokedTokenIds, @Nullable LocalTokens localTokens,
                                      @Nullable Oidc oidc) {

    /** @param enabled off once an identity provider issues every token */
    @ConfigurationProperties("local-tokens")
    public record LocalTokens(@Bindable(defaultValue = "true") boolean enabled) {
    }

    /**
     * @param issuer       the provider's issuer, exactly as in "iss"; empty: no provider
     * @param jwksUri      its JWK set; empty: from its discovery document
     * @param audience     what a token the services take has in "aud"
     * @param rolesClaim   where the roles are, a dotted path
     * @param roleMapping  {@code provider-name=ROLE} pairs; empty: the same names
     * @param clientId     the console's client id at the provider; empty: no "Sign in with" button
     * @param clientSecret its secret (confidential client); empty: a public client, PKCE alone
     * @param redirectUri  where the provider sends the browser back: {@code https://<site>/signin/oidc/callback}
     * @param providerName shown on the button ("Sign in with ...")
     * @param scopes       asked for beside "openid"
     */
    @ConfigurationProperties("oidc")
    public record Oidc(@Nullable String issuer, @Nullable String jwksUri, @Nullable String audience,
                       @Nullable String rolesClaim, @Nullable List<String> roleMapping, @Nullable String clientId,
                       @Nullable String clientSecret, @Nullable URI redirectUri, @Nullable String providerName,
                       @Nullable List<String> scopes) {

        boolean configured() {
            return issuer != null && !issuer.isBlank();
        }

        /** Signing in at the provider needs the console's client and where to come back to. */
        boolean signInOffered() {
            return configured() && clientId != null && !clientId.isBlank() && redirectUri != null
                    && !redirectUri.toString().isBlank();
        }
    }
}

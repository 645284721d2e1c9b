package org.careergraph.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.careergraph.security.AccessTokens.Caller;

/**
 * The one rule for a bearer token, for every service and the console: a local token (HS256 with the shared secret,
 * by {@link AccessTokens#verify}) while local tokens are enabled, or a token of the one configured OpenID provider
 * (RS256 or ES256, checked against the provider's JWK set; "iss" the issuer exactly, "aud" containing the audience,
 * "exp" required, "nbf" honoured, the same minute of clock skew). The algorithm in the header picks the rule, and
 * each rule takes only its own algorithms: an HS256 token cannot pass as the provider's, whatever its "iss" says.
 * A token whose "jti" is on the revocation list is refused either way.
 */
public final class TokenVerifier {

    /** RS256 is what every provider offers; ES256 costs nothing more with Nimbus. */
    static final Set<JWSAlgorithm> PROVIDER_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
    /** At most one fetch of the JWK set a minute, however many tokens name a key it does not have. */
    static final Duration JWKS_REFRESH_MIN_INTERVAL = Duration.ofMinutes(1);
    /** A provider whose discovery document could not be read is asked again after this long, not per token. */
    static final Duration DISCOVERY_RETRY = Duration.ofMinutes(1);

    /**
     * The one identity provider whose tokens are accepted.
     *
     * @param issuer      its issuer, exactly as in "iss" (and the base of its discovery document)
     * @param jwksUri     its JWK set; null: read from the discovery document
     * @param audience    what "aud" must contain (the API's audience, or the console's client id)
     * @param rolesClaim  where the roles are, a dotted path into the claims ("roles", "groups", "realm_access.roles")
     * @param roleMapping the provider's role or group names to the application's ({@link Roles}); empty: the same names
     */
    public record Oidc(String issuer, URI jwksUri, String audience, String rolesClaim,
                       Map<String, String> roleMapping) {

        public Oidc {
            if (issuer == null || issuer.isBlank()) {
                throw new IllegalArgumentException("the OIDC issuer is required");
            }
            if (audience == null || audience.isBlank()) {
                throw new IllegalArgumentException("the OIDC audience is required: without it a token issued to any "
                        + "other application of the same provider would be taken");
            }
            rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
            roleMapping = Map.copyOf(roleMapping == null ? Map.of() : roleMapping);
            for (String role : roleMapping.values()) {
                if (!Roles.ALL.contains(role)) {
                    throw new IllegalArgumentException("role mapping to " + role + ": the roles are " + Roles.ALL);
                }
            }
        }

        /** The same provider, for tokens issued to another audience (the console's ID tokens). */
        public Oidc withAudience(String other) {
            return new Oidc(issuer, jwksUri, other, rolesClaim, roleMapping);
        }

        /** {@code from=TO} pairs (as an environment variable gives them) as a mapping. */
        public static Map<String, String> parseRoleMapping(Collection<String> pairs) {
            Map<String, String> mapping = new LinkedHashMap<>();
            for (String pair : pairs == null ? List.<String>of() : pairs) {
                if (pair.isBlank()) {
                    continue;
                }
                int eq = pair.lastIndexOf('=');
                if (eq <= 0 || eq == pair.length() - 1) {
                    throw new IllegalArgumentException("role mapping " + pair + " is not provider-role=ROLE");
                }
                mapping.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
            return mapping;
        }
    }

    /**
     * @param jwtSecret       the shared HS256 key (JWT_SECRET)
     * @param localTokens     whether HS256 tokens signed with it are accepted at all
     * @param revokedTokenIds "jti" values refused from now on
     * @param oidc            the identity provider, or null for none
     */
    public record Settings(String jwtSecret, boolean localTokens, Set<String> revokedTokenIds, Oidc oidc) {

        public Settings {
            revokedTokenIds = Set.copyOf(revokedTokenIds == null ? Set.of() : revokedTokenIds);
            if (localTokens && (jwtSecret == null
                    || jwtSecret.getBytes(StandardCharsets.UTF_8).length < AccessTokens.MIN_SECRET_BYTES)) {
                throw new IllegalArgumentException("JWT_SECRET must be at least " + AccessTokens.MIN_SECRET_BYTES
                        + " bytes while local tokens are enabled");
            }
            if (!localTokens && oidc == null) {
                throw new IllegalArgumentException("local tokens are disabled and no OIDC issuer is set: "
                        + "no token could ever be accepted");
            }
        }

        /**
         * From configuration values as the services and the console read them (ADR 0005): a blank value is one not
         * set, an issuer makes the provider, the revoked ids come as a list of strings.
         */
        public static Settings of(String jwtSecret, boolean localTokens, Collection<String> revokedTokenIds,
                                  String issuer, String jwksUri, String audience, String rolesClaim,
                                  Collection<String> roleMapping) {
            Oidc provider = blank(issuer) ? null : new Oidc(issuer.strip(),
                    blank(jwksUri) ? null : URI.create(jwksUri.strip()), audience, rolesClaim,
                    Oidc.parseRoleMapping(roleMapping));
            Set<String> revoked = new LinkedHashSet<>();
            for (String id : revokedTokenIds == null ? List.<String>of() : revokedTokenIds) {
                if (!id.isBlank()) {
                    revoked.add(id.strip());
                }
            }
            return new Settings(jwtSecret, localTokens, revoked, provider);
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }

        /** Only the shared secret, as before the identity provider: what the launcher and most tests use. */
        public static Settings localOnly(String jwtSecret) {
            return new Settings(jwtSecret, true, Set.of(), null);
        }
    }

    private final Settings settings;
    private final Clock clock;
    private final Map<String, DefaultJWTProcessor<SecurityContext>> processors = new ConcurrentHashMap<>();
    private final Object discoveryLock = new Object();
    private volatile JWKSource<SecurityContext> keys;
    private Instant discoveryFailedAt;

    public TokenVerifier(Settings settings) {
        this(settings, Clock.systemUTC());
    }

    TokenVerifier(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        if (settings.oidc() != null && settings.oidc().jwksUri() != null) {
            keys = jwkSource(settings.oidc().jwksUri());
        }
    }

    public Settings settings() {
        return settings;
    }

    /** The caller a bearer token names, or empty whatever is wrong with it. */
    public Optional<Caller> verify(String token) {
        return verify(token, settings.oidc() == null ? null : settings.oidc().audience(), null);
    }

    /**
     * The caller an ID token from the provider names: issued to {@code clientId} ("aud"), carrying the {@code nonce}
     * the sign-in sent (OpenID Connect Core 3.1.3.7), checked as any provider token.
     */
    public Optional<Caller> verifyIdToken(String idToken, String clientId, String nonce) {
        if (settings.oidc() == null || nonce == null || nonce.isEmpty()) {
            return Optional.empty();
        }
        return verify(idToken, clientId, nonce);
    }

    private Optional<Caller> verify(String token, String audience, String nonce) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        JWT jwt;
        try {
            jwt = JWTParser.parse(token.strip());
        } catch (java.text.ParseException | RuntimeException e) {
            return Optional.empty();
        }
        // Unsigned ("alg": "none") and encrypted tokens are never taken.
        if (!(jwt instanceof SignedJWT signed)) {
            return Optional.empty();
        }
        JWSAlgorithm algorithm = signed.getHeader().getAlgorithm();
        Optional<Caller> caller;
        String jti;
        if (JWSAlgorithm.HS256.equals(algorithm) && nonce == null) {
            caller = local(token.strip());
        } else if (PROVIDER_ALGORITHMS.contains(algorithm) && settings.oidc() != null) {
            caller = provider(signed, audience, nonce);
        } else {
            return Optional.empty();
        }
        try {
            jti = signed.getJWTClaimsSet().getJWTID();
        } catch (java.text.ParseException e) {
            return Optional.empty();
        }
        return caller.filter(c -> jti == null || !settings.revokedTokenIds().contains(jti));
    }

    private Optional<Caller> local(String token) {
        if (!settings.localTokens()) {
            return Optional.empty();
        }
        return AccessTokens.verify(settings.jwtSecret(), token).filter(caller -> {
            try {
                // Launcher tokens of before carry no "iss"; any other issuer is a token pretending to be someone's.
                String issuer = SignedJWT.parse(token).getJWTClaimsSet().getIssuer();
                return issuer == null || AccessTokens.LOCAL_ISSUER.equals(issuer);
            } catch (java.text.ParseException e) {
                return false;
            }
        });
    }

    private Optional<Caller> provider(SignedJWT jwt, String audience, String nonce) {
        try {
            JWTClaimsSet claims = processors.computeIfAbsent(audience, this::processor).process(jwt, null);
            if (nonce != null && !nonce.equals(claims.getStringClaim("nonce"))) {
                return Optional.empty();
            }
            return Optional.of(new Caller(claims.getSubject(), roles(claims),
                    claims.getExpirationTime().toInstant()));
        } catch (Exception e) {
            // A bad signature, an unknown key, a provider that does not answer, wrong claims: all mean "no".
            return Optional.empty();
        }
    }

    private DefaultJWTProcessor<SecurityContext> processor(String audience) {
        Oidc oidc = settings.oidc();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        // Access tokens may be typed "at+jwt" (RFC 9068); ID tokens "JWT" or untyped.
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT,
                new JOSEObjectType("at+jwt"), new JOSEObjectType("application/at+jwt"), null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(PROVIDER_ALGORITHMS, this::keys));
        // Nimbus asks these sets whether they contain null, which Set.of() answers with an exception.
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                new HashSet<>(List.of(audience)), new JWTClaimsSet.Builder().issuer(oidc.issuer()).build(),
                new HashSet<>(List.of("sub", "exp")), new HashSet<>());
        claims.setMaxClockSkew((int) AccessTokens.CLOCK_SKEW.toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
        return processor;
    }

    private List<JWK> keys(JWKSelector selector, SecurityContext context) throws KeySourceException {
        JWKSource<SecurityContext> source = keys;
        if (source == null) {
            source = discoverKeys();
        }
        return source.get(selector, context);
    }

    private JWKSource<SecurityContext> discoverKeys() throws KeySourceException {
        synchronized (discoveryLock) {
            if (keys != null) {
                return keys;
            }
            Instant now = clock.instant();
            if (discoveryFailedAt != null && now.isBefore(discoveryFailedAt.plus(DISCOVERY_RETRY))) {
                throw new KeySourceException("the provider's discovery document could not be read lately");
            }
            try {
                keys = jwkSource(OidcProvider.discover(settings.oidc().issuer()).jwksUri());
                return keys;
            } catch (IOException | RuntimeException e) {
                discoveryFailedAt = now;
                throw new KeySourceException("cannot read the provider's discovery document: " + e.getMessage(), e);
            }
        }
    }

    private static JWKSource<SecurityContext> jwkSource(URI jwksUri) {
        try {
            // Cached (five minutes by default) and fetched again for an unknown "kid", at most once a minute.
            return JWKSourceBuilder.<SecurityContext>create(jwksUri.toURL(), new DefaultResourceRetriever(
                            OidcProvider.CONNECT_TIMEOUT_MS, OidcProvider.READ_TIMEOUT_MS, OidcProvider.SIZE_LIMIT_BYTES))
                    .rateLimited(JWKS_REFRESH_MIN_INTERVAL.toMillis())
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the JWKS URI " + jwksUri + " is not a URL", e);
        }
    }

    /** The application's roles the token's roles claim names, through the mapping. */
    private List<String> roles(JWTClaimsSet claims) {
        Object value = claims.toJSONObject();
        for (String step : settings.oidc().rolesClaim().split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(step) : null;
        }
        List<String> named = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            list.forEach(item -> named.add(String.valueOf(item)));
        } else if (value instanceof String text) {
            named.addAll(List.of(text.strip().split("[\\s,]+")));
        }
        Map<String, String> mapping = settings.oidc().roleMapping();
        Set<String> roles = new LinkedHashSet<>();
        for (String name : named) {
            String role = mapping.isEmpty() ? name : mapping.get(name);
            if (role != null && Roles.ALL.contains(role)) {
                roles.add(role);
            }
        }
        return List.copyOf(roles);
    }
}

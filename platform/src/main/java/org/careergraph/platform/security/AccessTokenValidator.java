package org.careergraph.platform.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import org.careergraph.security.AccessTokens;
import org.reactivestreams.Publisher;

/**
 * Bearer tokens are checked by the one rule the web console also holds to ({@link AccessTokens#verify}): HS256 only,
 * "exp" required, "nbf" honoured, a minute's clock skew. Micronaut's own JWT validator would take any HMAC algorithm
 * the key allows and a token without "exp".
 */
@Singleton
@Replaces(ReactiveJsonWebTokenValidator.class)
class AccessTokenValidator implements TokenValidator<HttpRequest<?>> {

    private final String secret;

    AccessTokenValidator(@Value("${careergraph.security.jwt-secret}") String secret) {
        // Refused at start, not token by token: with a short or empty secret every admin call would quietly fail.
        if (secret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < AccessTokens.MIN_SECRET_BYTES) {
            throw new IllegalStateException("JWT_SECRET must be at least " + AccessTokens.MIN_SECRET_BYTES
                    + " bytes");
        }
        this.secret = secret;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        return AccessTokens.verify(secret, token)
                .map(caller -> Publishers.just(Authentication.build(caller.subject(), caller.roles())))
                .orElseGet(Publishers::empty);
    }
}

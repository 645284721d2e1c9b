package org.careergraph.platform.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import io.micronaut.security.token.validator.TokenValidator;
import org.careergraph.security.AccessTokens;
import org.careergraph.security.TokenVerifier;
import org.reactivestreams.Publisher;

/**
 * Bearer tokens are checked by the one rule the web console also holds to ({@link TokenVerifier}): local HS256
 * tokens ({@link AccessTokens#verify}: HS256 only, "exp" required, "nbf" honoured, a minute's clock skew) and, when
 * one is configured, the identity provider's RS256/ES256 tokens against its JWK set. Micronaut's own JWT validator
 * would take any HMAC algorithm the key allows and a token without "exp".
 */
// Created with the context, so that a configuration that could never take a token stops the service at start.
@Context
@Replaces(ReactiveJsonWebTokenValidator.class)
class AccessTokenValidator implements TokenValidator<HttpRequest<?>> {

    private final TokenVerifier verifier;

    AccessTokenValidator(SecuritySettings settings) {
        // Refused at start, not token by token: with a short or empty secret every admin call would quietly fail.
        try {
            this.verifier = new TokenVerifier(settings.verifierSettings());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        // On the calling thread (the event loop), never handed to another: the filters after this one, the strict
        // input filter among them, read the request body, which Netty's buffers allow only on the request's own event
        // loop (elsewhere they race, and fail Micronaut's assertions). A local token is checked in microseconds; a
        // provider's JWK set is fetched at most once a minute and kept five (docs/adr/0005).
        return verifier.verify(token)
                .map(caller -> Publishers.just(Authentication.build(caller.subject(), caller.roles())))
                .orElseGet(Publishers::empty);
    }
}

package org.careergraph.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.careergraph.security.Roles;
import org.careergraph.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every service holds bearer tokens to the console's rule: HS256 only, "exp" required, "nbf" honoured. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessTokenValidatorIT implements TestPropertyProvider {

    @Controller("/api/platform/who")
    @Secured(Roles.ADMIN)
    static class WhoController {

        @Get
        String who(Authentication caller) {
            return caller.getName() + " " + caller.getRoles();
        }
    }

    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(TestInfrastructure.serviceProperties("platform"));
        props.put("micronaut.application.name", "platform-token-test");
        return props;
    }

    @Test
    void anIssuedTokenIsAccepted() throws Exception {
        HttpResponse<String> answer = call(TestInfrastructure.token(Roles.ADMIN));

        assertEquals(200, answer.statusCode());
        assertEquals("admin@test [ADMIN]", answer.body());
    }

    @Test
    void aCorrectlySignedTokenOutsideTheRuleIsRefused() throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet noExpiry = claims().build();
        JWTClaimsSet notYet = claims().expirationTime(Date.from(now.plusSeconds(7200)))
                .notBeforeTime(Date.from(now.plusSeconds(3600))).build();
        JWTClaimsSet fine = claims().expirationTime(Date.from(now.plusSeconds(600))).build();

        assertEquals(401, call(sign(JWSAlgorithm.HS256, noExpiry)).statusCode());
        assertEquals(401, call(sign(JWSAlgorithm.HS256, notYet)).statusCode());
        assertEquals(401, call(sign(JWSAlgorithm.HS512, fine)).statusCode());
        assertEquals(200, call(sign(JWSAlgorithm.HS256, fine)).statusCode());
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().subject("mallory").claim("roles", List.of(Roles.ADMIN));
    }

    private static String sign(JWSAlgorithm algorithm, JWTClaimsSet claims) throws Exception {
        byte[] key = TestInfrastructure.jwtSecret().getBytes(StandardCharsets.UTF_8);
        if (algorithm == JWSAlgorithm.HS512 && key.length < 64) {
            key = (TestInfrastructure.jwtSecret() + TestInfrastructure.jwtSecret()).getBytes(StandardCharsets.UTF_8);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), claims);
        jwt.sign(new MACSigner(key));
        return jwt.serialize();
    }

    private HttpResponse<String> call(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/platform/who"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }
}

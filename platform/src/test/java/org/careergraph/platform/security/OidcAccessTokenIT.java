package org.careergraph.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.careergraph.security.AccessTokens;
import org.careergraph.security.Roles;
import org.careergraph.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A service configured for an identity provider, as an operator configures it (the properties the environment
 * variables set): the provider's RS256 tokens are taken on a secured route of a real server, and local HS256 tokens
 * only while local tokens are enabled. The route is {@link AccessTokenValidatorIT}'s (ADMIN only).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcAccessTokenIT {

    private static final String AUDIENCE = "careergraph-api";

    private final TestJwks idp = new TestJwks();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterAll
    void stop() {
        idp.close();
    }

    private Map<String, Object> properties(boolean localTokens) {
        Map<String, Object> props = new HashMap<>(TestInfrastructure.serviceProperties("platform"));
        props.put("micronaut.application.name", "platform-oidc-test");
        props.put("careergraph.security.local-tokens.enabled", localTokens);
        props.put("careergraph.security.oidc.issuer", idp.issuer());
        props.put("careergraph.security.oidc.jwks-uri", idp.jwksUri());
        props.put("careergraph.security.oidc.audience", AUDIENCE);
        props.put("careergraph.security.oidc.roles-claim", "groups");
        props.put("careergraph.security.oidc.role-mapping", "careergraph-admins=ADMIN,careergraph-editors=EDITOR");
        return props;
    }

    @Test
    void withLocalTokensOffTheProvidersTokenIsTakenAndAnHs256TokenIsNot() throws Exception {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties(false))) {
            String admin = idp.rs256(idp.issuer(), AUDIENCE, "ana", List.of("careergraph-admins", "staff"));
            HttpResponse<String> answer = call(server, admin);

            assertEquals(200, answer.statusCode());
            assertEquals("ana [ADMIN]", answer.body());
            assertEquals(401, call(server, TestInfrastructure.token(Roles.ADMIN)).statusCode());
            assertEquals(403, call(server, idp.rs256(idp.issuer(), AUDIENCE, "eve", List.of("careergraph-editors")))
                    .statusCode());
            assertEquals(401, call(server, idp.rs256(idp.issuer(), "another-app", "ana",
                    List.of("careergraph-admins"))).statusCode());
        }
    }

    @Test
    void withLocalTokensOnBothAreTakenButRevokedOnesAreNot() throws Exception {
        AccessTokens.Minted revoked = AccessTokens.mint(TestInfrastructure.jwtSecret(), "old-ops", List.of(Roles.ADMIN),
                Duration.ofMinutes(10));
        Map<String, Object> props = properties(true);
        props.put("careergraph.security.revoked-token-ids", "some-other-id," + revoked.id());
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props)) {
            assertEquals(200, call(server, TestInfrastructure.token(Roles.ADMIN)).statusCode());
            assertEquals(200, call(server, idp.rs256(idp.issuer(), AUDIENCE, "ana", List.of("careergraph-admins")))
                    .statusCode());
            assertEquals(401, call(server, revoked.token()).statusCode());
        }
    }

    @Test
    void aShortSecretIsRefusedAtStartWhileLocalTokensAreOn() throws Exception {
        Map<String, Object> props = properties(true);
        props.put("careergraph.security.jwt-secret", "too-short");

        Exception refused = assertThrows(Exception.class, () -> {
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props)) {
                call(server, TestInfrastructure.token(Roles.ADMIN));
            }
        });
        assertTrue(causes(refused).contains("JWT_SECRET must be at least"), causes(refused));

        Map<String, Object> providerOnly = properties(false);
        providerOnly.put("careergraph.security.jwt-secret", "");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, providerOnly)) {
            assertEquals(401, call(server, TestInfrastructure.token(Roles.ADMIN)).statusCode());
        }
    }

    private static String causes(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }

    private HttpResponse<String> call(EmbeddedServer server, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/platform/who"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }
}

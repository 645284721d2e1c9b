package org.careergraph.security;

import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.util.Map;

/**
 * What an OpenID provider says about itself at {@code <issuer>/.well-known/openid-configuration} (OpenID Connect
 * Discovery 1.0): where its keys are, where a browser signs in and where a code is exchanged for tokens.
 *
 * @param issuer                the issuer, exactly as its tokens name it in "iss"
 * @param authorizationEndpoint where the browser is sent to sign in
 * @param tokenEndpoint         where an authorization code is exchanged for tokens
 * @param jwksUri               the provider's public keys (JWK set)
 */
public record OidcProvider(String issuer, URI authorizationEndpoint, URI tokenEndpoint, URI jwksUri) {

    static final int CONNECT_TIMEOUT_MS = 2_000;
    static final int READ_TIMEOUT_MS = 5_000;
    static final int SIZE_LIMIT_BYTES = 512 * 1024;

    /** Reads the discovery document; refuses one that names another issuer (spec section 4.3). */
    public static OidcProvider discover(String issuer) throws IOException {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        URL url = URI.create(base + "/.well-known/openid-configuration").toURL();
        String body = new DefaultResourceRetriever(CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS, SIZE_LIMIT_BYTES)
                .retrieveResource(url).getContent();
        try {
            Map<String, Object> document = JSONObjectUtils.parse(body);
            String named = JSONObjectUtils.getString(document, "issuer");
            if (!issuer.equals(named)) {
                throw new IOException(url + " names the issuer " + named + ", not " + issuer);
            }
            return new OidcProvider(issuer, required(document, "authorization_endpoint"),
                    required(document, "token_endpoint"), required(document, "jwks_uri"));
        } catch (ParseException e) {
            throw new IOException(url + " is not a discovery document: " + e.getMessage(), e);
        }
    }

    private static URI required(Map<String, Object> document, String name) throws ParseException {
        URI uri = JSONObjectUtils.getURI(document, name);
        if (uri == null) {
            throw new ParseException("no " + name, 0);
        }
        return uri;
    }
}

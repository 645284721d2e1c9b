package org.careergraph.platform.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The service's OpenAPI 3.1 document, generated from its controllers at compile time (micronaut-openapi, into
 * {@value #RESOURCE}), with the {@code webhooks} of {@value #WEBHOOKS} when the service has that file (what it sends
 * its subscribers: micronaut-openapi does not merge webhooks), served to anyone at {@code careergraph.api-document.path}
 * ({@code /api/catalog/openapi.yml}, ...); the web front shows all four in one page (docs/adr/0016-api-documents.md).
 */
@Controller("${careergraph.api-document.path}")
@Requires(property = "careergraph.api-document.path")
@Secured(SecurityRule.IS_ANONYMOUS)
public class ApiDocumentController {

    /** Where micronaut-openapi writes the document (micronaut.openapi.filename=openapi in service-parent). */
    public static final String RESOURCE = "META-INF/swagger/openapi.yml";
    /** The OpenAPI webhooks a service sends, written by hand. */
    public static final String WEBHOOKS = "openapi/webhooks.yml";
    /** RFC 9512. */
    public static final String YAML = "application/yaml";

    private final byte[] document;

    ApiDocumentController() {
        String generated = resource(RESOURCE);
        if (generated == null) {
            throw new IllegalStateException(RESOURCE + " is missing: the service was built without micronaut-openapi");
        }
        String webhooks = resource(WEBHOOKS);
        document = (webhooks == null ? generated : withWebhooks(generated, webhooks)).getBytes(StandardCharsets.UTF_8);
    }

    /** The generated document with the webhooks of the hand-written one, after its paths. */
    static String withWebhooks(String generated, String webhooks) {
        Yaml yaml = new Yaml();
        Map<String, Object> document = yaml.load(generated);
        Map<String, Object> extra = yaml.load(webhooks);
        Map<String, Object> merged = new LinkedHashMap<>();
        document.forEach((key, value) -> {
            merged.put(key, value);
            if (key.equals("paths")) {
                merged.put("webhooks", extra.get("webhooks"));
            }
        });
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(120);
        return new Yaml(options).dump(merged);
    }

    private static String resource(String name) {
        try (InputStream in = ApiDocumentController.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This document: the service's routes, their parameters, bodies, answers and who may call them. */
    @Get(produces = YAML)
    HttpResponse<byte[]> document() {
        return HttpResponse.ok(document).header(HttpHeaders.CACHE_CONTROL, "public, max-age=300");
    }
}

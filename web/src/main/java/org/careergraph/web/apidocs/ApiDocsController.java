package org.careergraph.web.apidocs;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.careergraph.web.view.Views;

/**
 * The API reference of the whole system on one page: the four services' OpenAPI documents (each served by its
 * service under its own API path, so the edge routes them) in Swagger UI, and the AsyncAPI document of the events,
 * served here from the event contract. Swagger UI's three files come from its WebJar, served by this front
 * ({@value #UI}; only those, not the WebJar's demo page): nothing is loaded from another origin. The links work
 * without script.
 */
@Controller(ApiDocsController.PATH)
class ApiDocsController {

    static final String PATH = "/docs/api";
    static final String UI = PATH + "/ui";
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final Map<String, String> UI_FILES = Map.of(
            "swagger-ui.css", "text/css;charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript;charset=utf-8",
            "swagger-ui-standalone-preset.js", "text/javascript;charset=utf-8");
    static final String ASYNCAPI = "asyncapi.yaml";

    /** One OpenAPI document: the service's name and where it serves it. */
    record Document(String name, String url) {
    }

    static final List<Document> DOCUMENTS = List.of(
            new Document("catalog", "/api/catalog/openapi.yml"),
            new Document("immigration", "/api/immigration/openapi.yml"),
            new Document("scoring", "/api/scoring/openapi.yml"),
            new Document("notification", "/api/notification/openapi.yml"));

    private final Views views;
    private final byte[] asyncApi;
    private final String webJar;

    ApiDocsController(Views views) {
        this.views = views;
        asyncApi = resource(ASYNCAPI);
        Properties webJarPom = new Properties();
        try {
            webJarPom.load(new ByteArrayInputStream(resource("META-INF/maven/org.webjars/swagger-ui/pom.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        webJar = WEBJAR + webJarPom.getProperty("version") + "/";
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<String> page(HttpRequest<?> request) {
        return views.page(request, "api-docs", Map.of("documents", DOCUMENTS, "asyncApi", PATH + "/" + ASYNCAPI,
                "stylesheets", List.of(UI + "/swagger-ui.css"),
                "scripts", List.of(UI + "/swagger-ui-bundle.js", UI + "/swagger-ui-standalone-preset.js",
                        "/assets/api-docs.js")));
    }

    /** One of Swagger UI's files, from the WebJar of whatever version is on the classpath. */
    @Get("/ui/{file}")
    HttpResponse<?> ui(HttpRequest<?> request, @PathVariable String file) {
        String type = UI_FILES.get(file);
        if (type == null) {
            return views.error(request, HttpStatus.NOT_FOUND, "error.notFound");
        }
        return HttpResponse.ok(resource(webJar + file)).contentType(type)
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=86400");
    }

    /** The Kafka topics and CloudEvents types between the services (AsyncAPI 3.0). */
    @Get("/" + ASYNCAPI)
    @Produces("application/yaml")
    HttpResponse<byte[]> asyncApi() {
        return HttpResponse.ok(asyncApi).header(HttpHeaders.CACHE_CONTROL, "public, max-age=300");
    }

    private static byte[] resource(String name) {
        try (InputStream in = ApiDocsController.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

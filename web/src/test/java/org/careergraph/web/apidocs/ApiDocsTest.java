package org.careergraph.web.apidocs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.careergraph.web.StubbedSite;
import org.careergraph.web.view.SecurityHeaders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API reference page, its viewer's files from this origin, the AsyncAPI document, and where script may run. */
class ApiDocsTest {

    private final StubbedSite site = StubbedSite.start();

    @BeforeEach
    void answerAsTheCapturedCatalog() {
        site.answer(uri -> null);
    }

    @Test
    void thePageLinksEveryServicesDocumentAndTheEventsAndLoadsTheViewerFromThisOrigin() {
        HttpResponse<String> page = site.get("/docs/api?lang=en");

        assertEquals(200, page.statusCode());
        String html = page.body();
        for (ApiDocsController.Document document : ApiDocsController.DOCUMENTS) {
            assertTrue(html.contains("href=\"" + document.url() + "\" data-openapi=\"" + document.name() + "\""),
                    document + " in " + html);
        }
        assertTrue(html.contains("href=\"/docs/api/asyncapi.yaml\""), html);
        assertTrue(html.contains("<script src=\"/docs/api/ui/swagger-ui-bundle.js\" defer></script>"), html);
        assertTrue(html.contains("<script src=\"/assets/api-docs.js\" defer></script>"), html);
        assertEquals(SecurityHeaders.API_DOCS_POLICY, page.headers().firstValue("Content-Security-Policy").orElseThrow());
    }

    @Test
    void theViewersFilesAreServedAndNothingElseOfItsWebJar() {
        HttpResponse<String> bundle = site.get("/docs/api/ui/swagger-ui-bundle.js");
        HttpResponse<String> css = site.get("/docs/api/ui/swagger-ui.css");
        HttpResponse<String> init = site.get("/assets/api-docs.js");

        assertEquals(200, bundle.statusCode());
        assertTrue(bundle.body().contains("SwaggerUIBundle"));
        assertTrue(bundle.headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"));
        assertEquals(200, css.statusCode());
        assertEquals(200, site.get("/docs/api/ui/swagger-ui-standalone-preset.js").statusCode());
        assertEquals(404, site.get("/docs/api/ui/index.html").statusCode(), "the WebJar's demo page loads a petstore");
        assertEquals(404, site.get("/docs/api/ui/swagger-initializer.js").statusCode());
        assertEquals(200, init.statusCode());
        assertTrue(init.body().contains("a[data-openapi]"));
    }

    @Test
    void theAsyncApiDocumentIsTheEventContracts() {
        HttpResponse<String> document = site.get("/docs/api/asyncapi.yaml");

        assertEquals(200, document.statusCode());
        assertTrue(document.headers().firstValue("Content-Type").orElseThrow().startsWith("application/yaml"));
        assertTrue(document.body().startsWith("asyncapi: 3.0.0") || document.body().contains("\nasyncapi: 3.0.0"),
                document.body().lines().limit(3).toList().toString());
    }

    @Test
    void everyOtherPageStillRunsNoScript() {
        HttpResponse<String> catalog = site.get("/?lang=en");

        assertEquals(SecurityHeaders.CONTENT_SECURITY_POLICY,
                catalog.headers().firstValue("Content-Security-Policy").orElseThrow());
        assertTrue(!catalog.body().contains("<script"), "no script on an ordinary page");
        assertTrue(catalog.body().contains("href=\"/docs/api\""), "the footer links the API reference");
    }
}

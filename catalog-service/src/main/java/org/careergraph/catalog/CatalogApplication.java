package org.careergraph.catalog;

import io.micronaut.openapi.annotation.OpenAPIInclude;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.careergraph.platform.api.ApiDocumentController;
import org.careergraph.platform.inbox.DeadLetterController;

/** Holds the occupation pages and publishes every change to them. */
@OpenAPIDefinition(info = @Info(title = "Career Graph catalog", version = "1",
        description = "The occupation pages (bilingual; every figure says where it came from), their revisions, the official releases, whole-catalog export and import, and the catalog's dead letters. Reads are public; writes need an EDITOR or ADMIN bearer token.",
        license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
@OpenAPIInclude(classes = {ApiDocumentController.class, DeadLetterController.class})
public class CatalogApplication {

    public static void main(String[] args) {
        Micronaut.run(CatalogApplication.class, args);
    }
}

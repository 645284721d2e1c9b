package org.careergraph.scoring;

import io.micronaut.openapi.annotation.OpenAPIInclude;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.careergraph.platform.api.ApiDocumentController;
import org.careergraph.platform.inbox.DeadLetterController;

/** Rates every occupation and re-rates it whenever one of its inputs changes. */
@OpenAPIDefinition(info = @Info(title = "Career Graph scoring", version = "1",
        description = "The eight-dimension scores of every occupation with their inputs and model version, rankings, the scoring model, and the service's dead letters.",
        license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
@OpenAPIInclude(classes = {ApiDocumentController.class, DeadLetterController.class})
public class ScoringApplication {

    public static void main(String[] args) {
        Micronaut.run(ScoringApplication.class, args);
    }
}

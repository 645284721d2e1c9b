package org.careergraph.immigration;

import io.micronaut.openapi.annotation.OpenAPIInclude;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.careergraph.platform.api.ApiDocumentController;
import org.careergraph.platform.inbox.DeadLetterController;

/** Holds the effective-dated immigration rules and tells everyone when an occupation's status changes. */
@OpenAPIDefinition(info = @Info(title = "Career Graph immigration", version = "1",
        description = "Effective-dated immigration rules (NZ Green List, SMC, AEWV; US H-1B, EB-2, PERM), the policy updates admins push, each occupation's assessed status, and the service's dead letters.",
        license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
@OpenAPIInclude(classes = {ApiDocumentController.class, DeadLetterController.class})
public class ImmigrationApplication {

    public static void main(String[] args) {
        Micronaut.run(ImmigrationApplication.class, args);
    }
}

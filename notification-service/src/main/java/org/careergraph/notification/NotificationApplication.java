package org.careergraph.notification;

import io.micronaut.openapi.annotation.OpenAPIInclude;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.careergraph.platform.api.ApiDocumentController;
import org.careergraph.platform.inbox.DeadLetterController;

/** Tells subscribers what changed about the occupations they watch, and why. */
@OpenAPIDefinition(info = @Info(title = "Career Graph notification", version = "1",
        description = "Subscriptions (email with double opt-in, or signed Standard Webhooks), each subscriber's own management by its manage token, Atom feeds of an occupation's changes, and the service's dead letters. The webhook payloads are described under webhooks.",
        license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
@OpenAPIInclude(classes = {ApiDocumentController.class, DeadLetterController.class})
public class NotificationApplication {

    public static void main(String[] args) {
        Micronaut.run(NotificationApplication.class, args);
    }
}

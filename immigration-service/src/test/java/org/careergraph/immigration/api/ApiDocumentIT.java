package org.careergraph.immigration.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.careergraph.testsupport.api.ApiDocumentTest;

/** The immigration service's OpenAPI document is served to anyone and describes exactly its routes. */
@MicronautTest(transactional = false)
class ApiDocumentIT extends ApiDocumentTest {

    ApiDocumentIT() {
        super("immigration");
    }
}

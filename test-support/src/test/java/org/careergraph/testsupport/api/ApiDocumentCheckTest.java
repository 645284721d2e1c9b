package org.careergraph.testsupport.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.careergraph.testsupport.api.ApiDocumentCheck.Operation;
import org.junit.jupiter.api.Test;

class ApiDocumentCheckTest {

    private static final String DOCUMENT = """
            openapi: 3.1.0
            paths:
              /api/things:
                get:
                  operationId: list
                post:
                  operationId: create
                  security:
                  - bearer:
                    - ADMIN
                    - EDITOR
              /api/things/{id}:
                parameters:
                - name: id
                  in: path
                get:
                  operationId: get
                delete:
                  operationId: retired
            """;

    @Test
    void aDocumentThatMatchesTheRoutesHasNoDifferences() {
        Set<Operation> routes = Set.of(new Operation("GET", "/api/things", Set.of()),
                new Operation("POST", "/api/things", Set.of("EDITOR", "ADMIN")),
                new Operation("GET", "/api/things/{id}", Set.of()),
                new Operation("DELETE", "/api/things/{id}", Set.of()));

        assertEquals(List.of(), ApiDocumentCheck.differences(routes, ApiDocumentCheck.documented(DOCUMENT)));
    }

    @Test
    void aMissingRouteAnExtraOperationAndOtherRolesAreEachReported() {
        Set<Operation> routes = Set.of(new Operation("GET", "/api/things", Set.of()),
                new Operation("POST", "/api/things", Set.of("ADMIN")),
                new Operation("GET", "/api/things/{id}", Set.of()),
                new Operation("PUT", "/api/things/{id}", Set.of("ADMIN")));

        assertEquals(List.of(
                "roles differ for POST /api/things: route [ADMIN], document [ADMIN, EDITOR]",
                "route not in the document: PUT /api/things/{id} [ADMIN]",
                "in the document but no route: DELETE /api/things/{id} (anyone)"),
                ApiDocumentCheck.differences(routes, ApiDocumentCheck.documented(DOCUMENT)));
    }

    @Test
    void routeTemplatesAreWrittenAsOpenApiPaths() {
        assertEquals("/api/things/{id}", ApiDocumentCheck.openApiPath("/api/things/{id:[0-9]+}{?q,page}"));
        assertEquals("/api/feeds/{file}", ApiDocumentCheck.openApiPath("/api/feeds/{+file}"));
        assertEquals("/api/things", ApiDocumentCheck.openApiPath("/api/things/"));
        assertEquals("/", ApiDocumentCheck.openApiPath("/"));
    }

    @Test
    void aWebhookBodyIsCheckedAgainstTheDocumentsSchema() {
        String document = """
                openapi: 3.1.0
                webhooks:
                  ping:
                    post:
                      requestBody:
                        content:
                          application/json:
                            schema:
                              type: object
                              required: [id, count]
                              properties:
                                id: {type: string}
                                count: {type: integer}
                """;

        assertEquals(List.of(), ApiDocumentCheck.webhookProblems(document, "ping", "{\"id\":\"a\",\"count\":2}"));
        assertEquals(2, ApiDocumentCheck.webhookProblems(document, "ping", "{\"count\":\"two\"}").size(),
                "the missing id and the count of the wrong type");
        assertEquals(List.of("the document has no webhook pong with a JSON body"),
                ApiDocumentCheck.webhookProblems(document, "pong", "{}"));
    }
}

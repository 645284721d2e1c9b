package org.careergraph.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The AsyncAPI document on the classpath ({@code /asyncapi.yaml}) says what the contract and the services do; see
 * {@link AsyncApiChecker} for the rules and {@link AsyncApiDriftTest} for proof that each check catches a drift.
 */
class AsyncApiContractTest {

    private static final JsonNode DOCUMENT = AsyncApiChecker.load();
    private final AsyncApiChecker checker = new AsyncApiChecker(DOCUMENT);

    @Test
    void isAnAsyncApi300DocumentWhoseReferencesAndSchemasHold() {
        assertNoProblems(checker.structure());
    }

    @Test
    void hasAChannelPerTopicAndOneMessagePerEventTypeWhosePayloadSchemaIsItsRecord() {
        assertNoProblems(checker.contract());
    }

    @Test
    void showsEachFixtureAsTheExampleOfItsMessage() {
        assertNoProblems(checker.examples());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyFixtureValidatesAgainstItsMessagePayloadSchema(EventType type) {
        assertNoProblems(checker.payload(type, EventFixtures.json(type)));
    }

    @Test
    void namesTheOperationsAfterWhatTheyDo() {
        assertNoProblems(checker.operations());
    }

    @Test
    void operationsAreWhatTheServicesCodePublishesAndConsumes() {
        Optional<Path> root = ServiceSources.repositoryRoot();
        assumeTrue(root.isPresent(), "the services' sources are not beside this module");
        Set<AsyncApiChecker.Use> fromCode = ServiceSources.uses(root.get());
        assertFalse(fromCode.isEmpty(), "no publisher or consumer found in " + root.get());
        assertNoProblems(checker.operationsMatch(fromCode));
    }

    @Test
    void theVersionIsTheContractsVersion() {
        String version = System.getProperty("contract.version");
        assumeTrue(version != null, "run by Maven, which passes the project's version as contract.version");
        assertEquals(version, DOCUMENT.path("info").path("version").asText());
    }

    @Test
    void theKafkaServerIsDescribedForProductionWithScramOverTls() {
        JsonNode server = DOCUMENT.path("servers").path("kafka");
        assertEquals("kafka", server.path("protocol").asText());
        assertEquals("{bootstrap}", server.path("host").asText());
        assertEquals("scramSha512", checker.resolve(server.path("security").path(0)).path("type").asText());
        assertTrue(server.path("description").asText().contains("SASL_SSL"), "the server says it is TLS in prod");
    }

    static void assertNoProblems(List<String> problems) {
        assertTrue(problems.isEmpty(), () -> problems.size() + " disagreement(s) between asyncapi.yaml and the "
                + "contract:\n  " + String.join("\n  ", problems));
    }
}

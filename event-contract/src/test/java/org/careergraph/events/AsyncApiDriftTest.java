package org.careergraph.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each check of {@link AsyncApiChecker} catches a drift: a copy of the document (or a record, or a JSON) changed in
 * one place is reported, with a sentence that names the place.
 */
class AsyncApiDriftTest {

    private static final JsonNode DOCUMENT = AsyncApiChecker.load();

    @Test
    void theUnchangedDocumentHasNoProblems() {
        AsyncApiChecker checker = new AsyncApiChecker(DOCUMENT);
        AsyncApiContractTest.assertNoProblems(checker.structure());
        AsyncApiContractTest.assertNoProblems(checker.contract());
        AsyncApiContractTest.assertNoProblems(checker.examples());
        AsyncApiContractTest.assertNoProblems(checker.operations());
    }

    // --- payload schemas against the records

    @Test
    void aPropertyRemovedFromTheDocumentIsReported() {
        List<String> problems = drift(AsyncApiChecker::contract,
                doc -> object(doc, "/components/schemas/OccupationChanged/properties").remove("revision"));
        assertReported(problems, "OccupationChanged lacks the property revision of OccupationChanged");
    }

    @Test
    void aPropertyTheRecordDoesNotHaveIsReportedInNestedRecordsToo() {
        List<String> problems = drift(AsyncApiChecker::contract,
                doc -> object(doc, "/components/schemas/PublishedFacts/properties").putObject("addedLater")
                        .put("type", "string"));
        assertReported(problems, "PublishedFacts has the property addedLater, which PublishedFacts does not have");
    }

    @Test
    void aRequiredFieldLeftOutOfRequiredIsReported() {
        List<String> problems = drift(AsyncApiChecker::contract, doc -> {
            ArrayNode required = (ArrayNode) doc.at("/components/schemas/ImmigrationStatusChanged/required");
            for (int i = 0; i < required.size(); i++) {
                if (required.get(i).asText().equals("reason")) {
                    required.remove(i);
                }
            }
        });
        assertReported(problems, "ImmigrationStatusChanged requires [after, before, country, effectiveFrom, "
                + "occupationId], but the components of ImmigrationStatusChanged that are primitive or not @Nullable "
                + "are [after, before, country, effectiveFrom, occupationId, reason]");
    }

    @Test
    void nullabilityThatDiffersFromTheRecordIsReported() {
        List<String> problems = drift(AsyncApiChecker::contract, doc -> {
            object(doc, "/components/schemas/OccupationFacts/properties/skillLevel").put("type", "integer");
            ObjectNode after = object(doc, "/components/schemas/ScoreChanged/properties/after");
            after.removeAll();
            ArrayNode oneOf = after.putArray("oneOf");
            oneOf.addObject().put("$ref", "#/components/schemas/Score");
            oneOf.addObject().put("type", "null");
        });
        assertReported(problems, "OccupationFacts.skillLevel is @Nullable in the record, so its schema must allow null");
        assertReported(problems, "ScoreChanged.after is not @Nullable in the record, so its schema must not allow null");
    }

    @Test
    void aTypeOrAFormatThatDiffersFromTheRecordIsReported() {
        List<String> problems = drift(AsyncApiChecker::contract, doc -> {
            object(doc, "/components/schemas/OccupationChanged/properties/revision").put("type", "string");
            object(doc, "/components/schemas/PolicyUpdated/properties/effectiveFrom").put("format", "date-time");
            object(doc, "/components/schemas/Score/properties/dimensions/additionalProperties").put("type", "integer");
        });
        assertReported(problems, "OccupationChanged.revision is of type [string], but the record's int is written as "
                + "a JSON integer");
        assertReported(problems, "PolicyUpdated.effectiveFrom is a LocalDate, written as a string of format date");
        assertReported(problems, "Score.dimensions{} is of type [integer], but the record's BigDecimal is written as a "
                + "JSON number");
    }

    @Test
    void enumValuesThatDifferFromTheJavaEnumAreReported() {
        List<String> problems = drift(AsyncApiChecker::contract, doc -> {
            ArrayNode values = object(doc, "/components/schemas/OccupationChanged/properties/kind").putArray("enum");
            values.add("CREATED").add("EDITED");
        });
        assertReported(problems, "OccupationChanged.kind has the enum [CREATED, EDITED], but ChangeKind has "
                + "[CREATED, UPDATED]");
    }

    @Test
    void valuesRestrictedWhereTheRecordHasAStringAreReported() {
        List<String> problems = drift(AsyncApiChecker::contract, doc -> object(doc,
                "/components/schemas/OccupationFacts/properties/codeSystem").putArray("enum").add("ANZSCO").add("SOC"));
        assertReported(problems, "OccupationFacts.codeSystem restricts its values (enum or const), but the record's "
                + "String does not");
    }

    @Test
    void aFieldAddedToARecordButNotToTheDocumentIsReported() {
        JsonNode schema = DOCUMENT.at("/components/schemas/FieldChange");
        assertReported(new AsyncApiChecker(DOCUMENT).record(schema, FieldChangeWithANote.class),
                "FieldChangeWithANote lacks the property note of FieldChangeWithANote");
        assertReported(new AsyncApiChecker(DOCUMENT).record(schema, FieldChangeWithANote.class),
                "FieldChangeWithANote requires [path], but the components of FieldChangeWithANote that are primitive "
                        + "or not @Nullable are [note, path]");
    }

    @Test
    void jsonNamesComeFromTheRecordsAnnotations() {
        List<String> problems = new AsyncApiChecker(DOCUMENT).record(DOCUMENT.at("/components/schemas/FieldChange"),
                FieldChangeRenamed.class);
        assertReported(problems, "FieldChangeRenamed lacks the property jsonPath of FieldChangeRenamed");
        assertReported(problems, "FieldChangeRenamed has the property path, which FieldChangeRenamed does not have");
    }

    @Test
    void anAnnotationTheCheckerDoesNotModelIsReportedRatherThanPassedOver() {
        List<String> problems = new AsyncApiChecker(DOCUMENT).record(DOCUMENT.at("/components/schemas/FieldChange"),
                FieldChangeUnwrapped.class);
        assertReported(problems, "FieldChangeUnwrapped.path has @JsonUnwrapped, whose effect on the JSON the checker "
                + "does not model");
    }

    // --- types, topics, channels, messages

    @Test
    void aRenamedTypeIsReported() {
        List<String> problems = drift(AsyncApiChecker::contract, doc -> object(doc,
                "/components/messages/occupationChanged/headers/properties/ce_type")
                .put("const", "careergraph.occupation.changed.v2"));
        assertReported(problems, "careergraph.occupation.changed.v1 must have exactly one message whose ce_type is "
                + "that const, has 0 []");
        assertReported(problems, "components.messages.occupationChanged has the ce_type "
                + "'careergraph.occupation.changed.v2', which no EventType has");
    }

    @Test
    void aMessageOnAnotherTopicThanItsTypesIsReported() {
        List<String> problems = drift(AsyncApiChecker::contract, doc -> object(doc,
                "/channels/scores/messages/scoreChanged").put("$ref", "#/components/messages/immigrationStatusChanged"));
        assertReported(problems, "the message of careergraph.score.changed.v1 (scoreChanged) must be in exactly the "
                + "channel careergraph.scores, is in []");
        assertReported(problems, "the message of careergraph.immigration.status-changed.v1 (immigrationStatusChanged) "
                + "must be in exactly the channel careergraph.immigration-statuses, is in "
                + "[careergraph.immigration-statuses, careergraph.scores]");
    }

    @Test
    void aTopicWithoutAChannelIsReported() {
        List<String> problems = drift(AsyncApiChecker::contract, doc -> object(doc, "/channels/scoringModels")
                .put("address", "careergraph.scoring-model"));
        assertReported(problems, "no channel has the address careergraph.scoring-models (Topics)");
        assertReported(problems, "channels.scoringModels has the address careergraph.scoring-model, which is not a "
                + "topic in Topics");
    }

    @Test
    void aMissingCloudEventsHeaderIsReported() {
        List<String> problems = drift(AsyncApiChecker::contract, doc -> {
            object(doc, "/components/messages/policyUpdated/headers/properties").remove("ce_subject");
            object(doc, "/components/messages/policyUpdated/headers/properties/ce_source").remove("const");
        });
        assertReported(problems, "components.messages.policyUpdated.headers must declare and require ce_subject");
        assertReported(problems, "components.messages.policyUpdated.headers.ce_source must be the const /careergraph/");
    }

    // --- AsyncAPI structure

    @Test
    void anOperationOnAMessageOfAnotherChannelIsReported() {
        List<String> problems = drift(AsyncApiChecker::structure, doc -> object(doc,
                "/operations/catalog-service.send.occupations/messages/0")
                .put("$ref", "#/channels/scores/messages/scoreChanged"));
        assertReported(problems, "operations.catalog-service.send.occupations sends or receives "
                + "#/channels/scores/messages/scoreChanged, which is not a message of its channel #/channels/occupations");
    }

    @Test
    void aReferenceThatDoesNotResolveIsReported() {
        List<String> problems = drift(AsyncApiChecker::structure, doc -> object(doc,
                "/operations/scoring-service.receive.occupations/channel").put("$ref", "#/channels/occupation"));
        assertReported(problems, "$ref #/channels/occupation does not resolve");
        assertReported(problems, "operations.scoring-service.receive.occupations.channel must be a $ref to a channel");
    }

    @Test
    void anotherAsyncApiVersionAFieldAsyncApiDoesNotHaveAndAnInvalidSchemaAreReported() {
        List<String> problems = drift(AsyncApiChecker::structure, doc -> {
            ((ObjectNode) doc).put("asyncapi", "2.6.0");
            object(doc, "/channels/scores").put("publish", "x");
            object(doc, "/components/schemas/Score/properties/overall").put("type", "decimal");
            object(doc, "/components/schemas").putObject("Unused").put("type", "string");
        });
        assertReported(problems, "asyncapi must be 3.0.0");
        assertReported(problems, "channels.scores has the field 'publish', which AsyncAPI 3.0.0 does not have there");
        assertReported(problems, "components.schemas.Score is not a valid JSON schema (draft 7)");
        assertReported(problems, "components.schemas.Unused is not used");
    }

    @Test
    void aServerVariableThatIsNotDefinedIsReported() {
        List<String> problems = drift(AsyncApiChecker::structure,
                doc -> object(doc, "/servers/kafka").put("host", "{brokers}"));
        assertReported(problems, "servers.kafka uses the variables [brokers] and defines [bootstrap]");
    }

    // --- examples and fixtures

    @Test
    void anExampleThatIsNotTheFixtureIsReported() {
        List<String> problems = drift(AsyncApiChecker::examples, doc -> object(doc,
                "/components/messages/scoreChanged/examples/0/payload").put("reason", "edited in the document only"));
        assertReported(problems, "components.messages.scoreChanged.examples must show the fixture "
                + "fixtures/careergraph.score.changed.v1.json as it is");
    }

    @Test
    void anExampleWhoseSubjectIsNotItsAggregateIdIsReported() {
        List<String> problems = drift(AsyncApiChecker::examples, doc -> object(doc,
                "/components/messages/scoringModelChanged/examples/0/headers").put("ce_subject", "model"));
        assertReported(problems, "components.messages.scoringModelChanged.examples[0].headers.ce_subject must be the "
                + "payload's aggregate id scoring-model");
        assertReported(problems, "components.messages.scoringModelChanged.examples[0].headers: ");
    }

    @Test
    void aPayloadWithoutARequiredFieldOrOfAnotherTypeFailsValidation() {
        AsyncApiChecker checker = new AsyncApiChecker(DOCUMENT);
        String withoutReason = EventFixtures.json(EventType.IMMIGRATION_STATUS_CHANGED)
                .replace("\"reason\": \"Green List Tier 2 -> Tier 1\",", "");
        assertReported(checker.payload(EventType.IMMIGRATION_STATUS_CHANGED, withoutReason), "reason");

        String revisionAsText = EventFixtures.json(EventType.OCCUPATION_CHANGED).replace("\"revision\": 2",
                "\"revision\": \"2\"");
        assertReported(checker.payload(EventType.OCCUPATION_CHANGED, revisionAsText), "revision");
    }

    @Test
    void aFieldTheDocumentLacksPassesTheOpenSchemaButNotTheClosedOne() {
        AsyncApiChecker checker = new AsyncApiChecker(DOCUMENT);
        JsonNode schema = DOCUMENT.at("/components/messages/scoreChanged/payload");
        JsonNode withExtra = AsyncApiChecker.json(EventFixtures.json(EventType.SCORE_CHANGED)
                .replaceFirst("\\{", "{\"addedLater\": 1,"));

        assertEquals(List.of(), checker.validate(schema, withExtra, false), "consumers accept fields added later");
        assertReported(checker.validate(schema, withExtra, true), "addedLater");
    }

    // --- operations

    @Test
    void operationsTheCodeDoesNotHaveOrLacksAreReported() {
        AsyncApiChecker checker = new AsyncApiChecker(DOCUMENT);
        Set<AsyncApiChecker.Use> code = new TreeSet<>(checker.uses());
        code.add(new AsyncApiChecker.Use("web", "receive", Topics.SCORES));
        code.remove(new AsyncApiChecker.Use("catalog-service", "send", Topics.OCCUPATIONS));

        List<String> problems = checker.operationsMatch(code);
        assertReported(problems, "the code has web receives careergraph.scores, which no operation of the document says");
        assertReported(problems, "the document says catalog-service sends careergraph.occupations, which the code "
                + "does not do");
    }

    @Test
    void anOperationThatContradictsItsNameOrItsMessagesSourceIsReported() {
        List<String> problems = drift(AsyncApiChecker::operations, doc -> {
            object(doc, "/components/messages/scoreChanged/headers/properties/ce_source")
                    .put("const", "/careergraph/catalog-service");
            object(doc, "/operations/notification-service.receive.scores/bindings/kafka/groupId")
                    .put("const", "notifications");
            object(doc, "/operations/immigration-service.send.immigrationPolicies").put("action", "receive");
        });
        assertReported(problems, "operations.scoring-service.send.scores sends #/channels/scores/messages/scoreChanged, "
                + "whose ce_source is \"/careergraph/catalog-service\", not /careergraph/scoring-service");
        assertReported(problems, "operations.notification-service.receive.scores.bindings.kafka.groupId must be the "
                + "const 'notification-service'");
        assertReported(problems, "operations.immigration-service.send.immigrationPolicies.action must be send");
    }

    @Test
    void theSourcesScanFindsOutboxPayloadsAndHandlers(@TempDir Path root) throws IOException {
        Path service = Files.createDirectories(root.resolve("example-service/src/main/java/x"));
        Files.writeString(service.resolve("Publisher.java"),
                "class Publisher { void run() { outbox.add(new ScoreChanged(a, b, c, d, e, f, g)); } }");
        Files.writeString(service.resolve("Handler.java"),
                "class Handler implements EventHandler<OccupationChanged> { }");
        Path config = Files.createDirectories(root.resolve("example-service/src/main/resources"));
        Files.writeString(config.resolve("application.yml"), "micronaut:\n  application:\n    name: example\n");
        Files.createDirectories(root.resolve("event-contract/src/main/java"));
        Path library = Files.createDirectories(root.resolve("test-support/src/main/java/y"));
        Files.writeString(library.resolve("Fixtures.java"),
                "class Fixtures { Object event() { return new PolicyUpdated(a, b, c, d, e, f, g, h); } }");

        assertEquals(Set.of(new AsyncApiChecker.Use("example", "send", Topics.SCORES),
                new AsyncApiChecker.Use("example", "receive", Topics.OCCUPATIONS)), ServiceSources.uses(root));
    }

    // --- helpers

    private static List<String> drift(Function<AsyncApiChecker, List<String>> check, Consumer<JsonNode> change) {
        JsonNode copy = DOCUMENT.deepCopy();
        change.accept(copy);
        return check.apply(new AsyncApiChecker(copy));
    }

    private static ObjectNode object(JsonNode doc, String pointer) {
        JsonNode node = doc.at(pointer);
        if (!(node instanceof ObjectNode object)) {
            throw new AssertionError("no object at " + pointer);
        }
        return object;
    }

    private static void assertReported(List<String> problems, String expected) {
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)),
                () -> "expected a problem containing\n  " + expected + "\nbut got\n  " + String.join("\n  ", problems));
    }

    record FieldChangeWithANote(String path, @Nullable Object before, @Nullable Object after, String note) {
    }

    record FieldChangeRenamed(@JsonProperty("jsonPath") String path, @Nullable Object before,
                              @Nullable Object after) {
    }

    record FieldChangeUnwrapped(@JsonUnwrapped String path, @Nullable Object before, @Nullable Object after) {
    }
}

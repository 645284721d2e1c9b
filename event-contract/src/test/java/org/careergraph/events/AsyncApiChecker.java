package org.careergraph.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Checks the AsyncAPI document ({@code src/main/resources/asyncapi.yaml}) against the structure of AsyncAPI 3.0 and
 * against the event contract: {@link EventType}, {@link Topics}, the payload records (JSON names, JSON types,
 * required fields, nullability, enums) and the fixtures. Every check returns all the disagreements it finds, each a
 * sentence that says where, so that a failing test shows them all at once; an empty list means they agree.
 *
 * <p>The rules it holds the document to, besides AsyncAPI's own:
 * <ul>
 *   <li>A payload property exists for each record component, under its JSON name (the component's name, or its
 *       {@code @JsonProperty}; {@code @JsonIgnore}d components have none), and for nothing else.</li>
 *   <li>Required and nullable: a component is <em>required</em> exactly when it is a primitive or not
 *       {@code @Nullable}, since the services write every non-null value (serde inclusion {@code non_null}) and a
 *       {@code @Nullable} one may be left out, written as null (JsonInclude ALWAYS) or missing from events published
 *       before it was added within v1; its schema allows null exactly when the component is {@code @Nullable}.</li>
 *   <li>JSON types follow the Java types as micronaut-serde writes them: String, Instant ({@code date-time}) and
 *       LocalDate ({@code date}) as strings, whole numbers as integers, BigDecimal as numbers, enums as strings with
 *       their constants' names as {@code enum}, collections as arrays, {@code Map<String, V>} as objects with
 *       {@code additionalProperties}, records as objects (usually a {@code $ref} to {@code components.schemas}),
 *       {@code Object} as any value. A Java type or a Jackson/serde annotation it does not know is reported, never
 *       passed over.</li>
 *   <li>Schemas stay open ({@code additionalProperties} is not false): within a version, fields are only added and
 *       consumers ignore the ones they do not know. {@link #validate} can close them to show that a JSON has no
 *       field the document lacks.</li>
 * </ul>
 */
final class AsyncApiChecker {

    static final String RESOURCE = "/asyncapi.yaml";
    static final String ASYNCAPI_VERSION = "3.0.0";
    static final String KAFKA_BINDING_VERSION = "0.5.0";
    /** The CloudEvents distributed-tracing extension's headers, sent when there is a trace (ADR 17). */
    static final List<String> TRACING_HEADERS = List.of("ce_traceparent", "ce_tracestate");

    /** The CloudEvents binary-mode headers every message carries (ADR 1), {@code content-type} for datacontenttype. */
    static final List<String> CLOUDEVENTS_HEADERS = List.of("ce_specversion", "ce_id", "ce_source", "ce_type",
            "ce_subject", "ce_time", "content-type");
    static final String SOURCE_PREFIX = "/careergraph/";

    /** Which service sends to or receives from which topic ({@code action} is send or receive). */
    record Use(String service, String action, String topic) implements Comparable<Use> {
        @Override
        public int compareTo(Use other) {
            return toString().compareTo(other.toString());
        }

        @Override
        public String toString() {
            return service + " " + action + "s " + topic;
        }
    }

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private static final JsonSchema DRAFT_7 = SCHEMAS.getSchema(SchemaLocation.of(SchemaId.V7));
    private static final io.micronaut.serde.ObjectMapper SERDE = io.micronaut.serde.ObjectMapper.getDefault();
    private static final Pattern KEY = Pattern.compile("^[\\w.\\-]+$");
    private static final Pattern OPERATION_ID = Pattern.compile("^([a-z][a-z0-9-]*)\\.(send|receive)\\.([\\w-]+)$");
    private static final Pattern HOST_VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final Set<String> SECURITY_TYPES = Set.of("userPassword", "apiKey", "X509", "symmetricEncryption",
            "asymmetricEncryption", "httpApiKey", "http", "oauth2", "openIdConnect", "plain", "scramSha256",
            "scramSha512", "gssapi");
    /** The Jackson and serde annotations whose effect on the JSON the checker models; any other one is reported. */
    private static final Set<String> UNDERSTOOD_ANNOTATIONS = Set.of("JsonProperty", "JsonIgnore", "JsonInclude",
            "Serdeable", "Creator");

    private final JsonNode doc;

    AsyncApiChecker(JsonNode doc) {
        this.doc = doc;
    }

    static JsonNode load() {
        try (InputStream in = AsyncApiChecker.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE + " on the classpath");
            }
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // AsyncAPI 3.0 structure

    /** The document's structure as AsyncAPI 3.0 has it, every {@code $ref} resolved, every schema a valid one. */
    List<String> structure() {
        List<String> problems = new ArrayList<>();
        if (!ASYNCAPI_VERSION.equals(doc.path("asyncapi").asText())) {
            problems.add("asyncapi must be " + ASYNCAPI_VERSION + ", is " + doc.path("asyncapi"));
        }
        allowedKeys(problems, doc, "the document", "asyncapi", "id", "info", "servers", "defaultContentType",
                "channels", "operations", "components");
        JsonNode info = doc.path("info");
        allowedKeys(problems, info, "info", "title", "version", "description", "termsOfService", "contact", "license",
                "tags", "externalDocs");
        for (String field : List.of("title", "version", "description")) {
            if (info.path(field).asText().isBlank()) {
                problems.add("info." + field + " is missing");
            }
        }
        allowedKeys(problems, info.path("license"), "info.license", "name", "url");
        if (info.path("license").path("name").asText().isBlank()) {
            problems.add("info.license.name is missing");
        }
        for (String ref : refs(doc)) {
            if (!ref.startsWith("#/")) {
                problems.add("$ref " + ref + " is not local to the document");
            } else if (at(ref).isMissingNode()) {
                problems.add("$ref " + ref + " does not resolve");
            }
        }
        for (String section : List.of("channels", "operations")) {
            fields(doc.path(section)).forEach((key, value) -> {
                if (!KEY.matcher(key).matches()) {
                    problems.add(section + " key '" + key + "' is not of the form AsyncAPI allows");
                }
            });
        }
        fields(doc.path("components")).forEach((kind, entries) -> fields(entries).forEach((key, value) -> {
            if (!KEY.matcher(key).matches()) {
                problems.add("components." + kind + " key '" + key + "' is not of the form AsyncAPI allows");
            }
        }));
        allowedKeys(problems, doc.path("components"), "components", "schemas", "servers", "channels", "operations",
                "messages", "securitySchemes", "serverVariables", "parameters", "correlationIds", "replies",
                "replyAddresses", "externalDocs", "tags", "operationTraits", "messageTraits", "serverBindings",
                "channelBindings", "operationBindings", "messageBindings");
        servers(problems);
        channels(problems);
        operations(problems);
        messages(problems);
        schemas().forEach((where, schema) -> {
            for (ValidationMessage message : DRAFT_7.validate(schema)) {
                problems.add(where + " is not a valid JSON schema (draft 7): " + message.getMessage());
            }
        });
        Set<String> refs = refs(doc);
        fields(doc.path("components").path("schemas")).keySet().stream()
                .filter(name -> !refs.contains("#/components/schemas/" + name))
                .forEach(name -> problems.add("components.schemas." + name + " is not used"));
        fields(doc.path("components").path("messages")).keySet().stream()
                .filter(name -> !refs.contains("#/components/messages/" + name))
                .forEach(name -> problems.add("components.messages." + name + " is in no channel"));
        return problems;
    }

    private void servers(List<String> problems) {
        fields(doc.path("servers")).forEach((id, server) -> {
            String where = "servers." + id;
            allowedKeys(problems, server, where, "host", "protocol", "protocolVersion", "pathname", "description",
                    "title", "summary", "variables", "security", "tags", "externalDocs", "bindings");
            if (server.path("host").asText().isBlank() || server.path("protocol").asText().isBlank()) {
                problems.add(where + " needs a host and a protocol");
            }
            Set<String> used = new HashSet<>();
            Matcher variable = HOST_VARIABLE.matcher(server.path("host").asText() + server.path("pathname").asText());
            while (variable.find()) {
                used.add(variable.group(1));
            }
            Set<String> defined = fields(server.path("variables")).keySet();
            if (!used.equals(defined)) {
                problems.add(where + " uses the variables " + new TreeSet<>(used) + " and defines "
                        + new TreeSet<>(defined));
            }
            fields(server.path("variables")).forEach((name, value) -> allowedKeys(problems, value,
                    where + ".variables." + name, "enum", "default", "description", "examples"));
            for (JsonNode requirement : server.path("security")) {
                JsonNode scheme = resolve(requirement);
                if (requirement.has("$ref")
                        && !requirement.get("$ref").asText().startsWith("#/components/securitySchemes/")) {
                    problems.add(where + ".security names " + requirement.get("$ref").asText()
                            + ", not a security scheme");
                } else if (!SECURITY_TYPES.contains(scheme.path("type").asText())) {
                    problems.add(where + ".security has a scheme of unknown type " + scheme.path("type"));
                }
            }
        });
        fields(doc.path("components").path("securitySchemes")).forEach((id, scheme) -> allowedKeys(problems, scheme,
                "components.securitySchemes." + id, "type", "description", "name", "in", "scheme", "bearerFormat",
                "flows", "openIdConnectUrl", "scopes"));
    }

    private void channels(List<String> problems) {
        fields(doc.path("channels")).forEach((id, channel) -> {
            String where = "channels." + id;
            allowedKeys(problems, channel, where, "address", "messages", "title", "summary", "description", "servers",
                    "parameters", "tags", "externalDocs", "bindings");
            if (!channel.path("address").isTextual()) {
                problems.add(where + " has no address");
            }
            fields(channel.path("messages")).forEach((key, message) -> {
                if (!message.path("$ref").asText().startsWith("#/components/messages/")) {
                    problems.add(where + ".messages." + key + " must be a $ref to components.messages");
                }
            });
            for (JsonNode server : channel.path("servers")) {
                if (!server.path("$ref").asText().startsWith("#/servers/")) {
                    problems.add(where + ".servers must be $refs to servers");
                }
            }
            kafkaBinding(problems, channel, where, "topic", "partitions", "replicas", "topicConfiguration");
        });
    }

    private void operations(List<String> problems) {
        fields(doc.path("operations")).forEach((id, operation) -> {
            String where = "operations." + id;
            allowedKeys(problems, operation, where, "action", "channel", "title", "summary", "description",
                    "security", "tags", "externalDocs", "bindings", "traits", "messages", "reply");
            String action = operation.path("action").asText();
            if (!action.equals("send") && !action.equals("receive")) {
                problems.add(where + ".action must be send or receive, is '" + action + "'");
            }
            String channelRef = operation.path("channel").path("$ref").asText();
            if (!channelRef.startsWith("#/channels/") || at(channelRef).isMissingNode()) {
                problems.add(where + ".channel must be a $ref to a channel, is '" + channelRef + "'");
                return;
            }
            if (operation.path("messages").isEmpty()) {
                problems.add(where + " names no messages");
            }
            for (JsonNode message : operation.path("messages")) {
                String ref = message.path("$ref").asText();
                if (!ref.startsWith(channelRef + "/messages/") || at(ref).isMissingNode()) {
                    problems.add(where + " sends or receives " + ref + ", which is not a message of its channel "
                            + channelRef);
                }
            }
            kafkaBinding(problems, operation, where, "groupId", "clientId");
        });
    }

    private void messages(List<String> problems) {
        fields(doc.path("components").path("messages")).forEach((id, message) -> {
            String where = "components.messages." + id;
            allowedKeys(problems, message, where, "headers", "payload", "correlationId", "contentType", "name",
                    "title", "summary", "description", "tags", "externalDocs", "bindings", "examples", "traits");
            if (!message.has("payload")) {
                problems.add(where + " has no payload");
            }
            if (message.has("headers") && !"object".equals(resolve(message.get("headers")).path("type").asText())) {
                problems.add(where + ".headers must be a schema of type object");
            }
            int i = 0;
            for (JsonNode example : message.path("examples")) {
                allowedKeys(problems, example, where + ".examples[" + i++ + "]", "headers", "payload", "name",
                        "summary");
            }
            kafkaBinding(problems, message, where, "key", "schemaIdLocation", "schemaIdPayloadEncoding",
                    "schemaLookupStrategy");
        });
    }

    private void kafkaBinding(List<String> problems, JsonNode owner, String where, String... fields) {
        JsonNode kafka = owner.path("bindings").path("kafka");
        if (kafka.isMissingNode()) {
            return;
        }
        List<String> allowed = new ArrayList<>(Arrays.asList(fields));
        allowed.add("bindingVersion");
        allowedKeys(problems, kafka, where + ".bindings.kafka", allowed.toArray(String[]::new));
        if (!KAFKA_BINDING_VERSION.equals(kafka.path("bindingVersion").asText())) {
            problems.add(where + ".bindings.kafka.bindingVersion must be " + KAFKA_BINDING_VERSION);
        }
    }

    /** Every schema of the document, by where it is. */
    private Map<String, JsonNode> schemas() {
        Map<String, JsonNode> schemas = new LinkedHashMap<>();
        fields(doc.path("components").path("schemas")).forEach((id, s) -> schemas.put("components.schemas." + id, s));
        fields(doc.path("components").path("messages")).forEach((id, message) -> {
            for (String part : List.of("headers", "payload")) {
                if (message.has(part)) {
                    schemas.put("components.messages." + id + "." + part, message.get(part));
                }
            }
            JsonNode key = message.path("bindings").path("kafka").path("key");
            if (!key.isMissingNode()) {
                schemas.put("components.messages." + id + ".bindings.kafka.key", key);
            }
        });
        fields(doc.path("operations")).forEach((id, operation) -> {
            for (String part : List.of("groupId", "clientId")) {
                JsonNode schema = operation.path("bindings").path("kafka").path(part);
                if (!schema.isMissingNode()) {
                    schemas.put("operations." + id + ".bindings.kafka." + part, schema);
                }
            }
        });
        return schemas;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The event contract: types, topics, channels, headers, payload schemas

    /** Types, topics, channels, messages, headers and payload schemas against the contract. */
    List<String> contract() {
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> channelsByAddress = new LinkedHashMap<>();
        fields(doc.path("channels")).forEach((id, channel) -> {
            String address = channel.path("address").asText();
            if (channelsByAddress.put(address, channel) != null) {
                problems.add("two channels have the address " + address);
            }
            if (!Topics.ALL.contains(address)) {
                problems.add("channels." + id + " has the address " + address + ", which is not a topic in Topics");
            }
        });
        for (String topic : Topics.ALL) {
            if (!channelsByAddress.containsKey(topic)) {
                problems.add("no channel has the address " + topic + " (Topics)");
            }
        }

        Map<String, List<String>> messagesByType = new LinkedHashMap<>();
        fields(doc.path("components").path("messages")).forEach((id, message) -> {
            String type = header(message, "ce_type").path("const").asText();
            messagesByType.computeIfAbsent(type, t -> new ArrayList<>()).add(id);
            if (EventType.fromType(type).isEmpty()) {
                problems.add("components.messages." + id + " has the ce_type '" + type + "', which no EventType has");
            }
        });
        for (EventType type : EventType.values()) {
            List<String> ids = messagesByType.getOrDefault(type.type(), List.of());
            if (ids.size() != 1) {
                problems.add(type.type() + " must have exactly one message whose ce_type is that const, has "
                        + ids.size() + " " + ids);
                continue;
            }
            String id = ids.getFirst();
            String ref = "#/components/messages/" + id;
            List<String> addresses = new ArrayList<>();
            fields(doc.path("channels")).forEach((channelId, channel) -> fields(channel.path("messages")).values()
                    .stream().filter(m -> ref.equals(m.path("$ref").asText()))
                    .forEach(m -> addresses.add(channel.path("address").asText())));
            if (!addresses.equals(List.of(type.topic()))) {
                problems.add("the message of " + type.type() + " (" + id + ") must be in exactly the channel "
                        + type.topic() + ", is in " + addresses);
            }
            message(problems, type, id, doc.path("components").path("messages").path(id));
        }
        return problems;
    }

    private void message(List<String> problems, EventType type, String id, JsonNode message) {
        String where = "components.messages." + id;
        String recordName = type.payloadType().getSimpleName();
        if (!recordName.equals(message.path("name").asText())) {
            problems.add(where + ".name must be " + recordName + ", is " + message.path("name"));
        }
        if (message.path("title").asText().isBlank()) {
            problems.add(where + " has no title");
        }
        if (!"application/json".equals(message.path("contentType").asText())) {
            problems.add(where + ".contentType must be application/json");
        }
        JsonNode headers = resolve(message.path("headers"));
        Set<String> required = texts(headers.path("required"));
        Set<String> declared = fields(headers.path("properties")).keySet();
        for (String header : CLOUDEVENTS_HEADERS) {
            if (!declared.contains(header) || !required.contains(header)) {
                problems.add(where + ".headers must declare and require " + header);
            }
        }
        for (String header : TRACING_HEADERS) {
            if (!declared.contains(header) || required.contains(header)) {
                problems.add(where + ".headers must declare " + header + ", optional (the outbox relay sends it "
                        + "when the event was written inside a trace)");
            }
        }
        expectConst(problems, where + ".headers.ce_specversion", header(message, "ce_specversion"), "1.0");
        expectConst(problems, where + ".headers.ce_type", header(message, "ce_type"), type.type());
        expectConst(problems, where + ".headers.content-type", header(message, "content-type"), "application/json");
        if (!header(message, "ce_source").path("const").asText().startsWith(SOURCE_PREFIX)) {
            problems.add(where + ".headers.ce_source must be the const " + SOURCE_PREFIX + "<publishing service>");
        }
        if (!"date-time".equals(header(message, "ce_time").path("format").asText())) {
            problems.add(where + ".headers.ce_time must be of format date-time");
        }
        JsonNode key = message.path("bindings").path("kafka").path("key");
        if (!"string".equals(resolve(key).path("type").asText())) {
            problems.add(where + ".bindings.kafka.key must describe the record key, a string (the aggregate id)");
        }
        JsonNode payload = message.path("payload");
        if (payload.isMissingNode()) {
            return;
        }
        problems.addAll(new RecordCheck().check(payload, type.payloadType(), recordName));
    }

    /** The problems of one schema against one record class, as {@link #contract} finds them for payloads. */
    List<String> record(JsonNode schema, Class<? extends Record> record) {
        return new RecordCheck().check(schema, record, record.getSimpleName());
    }

    /** Walks a schema beside a Java type, recursively through records, collections and maps. */
    private final class RecordCheck {

        private final List<String> problems = new ArrayList<>();
        private final Set<String> visited = new HashSet<>();

        List<String> check(JsonNode schema, Type type, String where) {
            value(schema, type, false, where);
            return problems;
        }

        private void value(JsonNode schema, Type type, boolean nullable, String where) {
            Class<?> raw = raw(type);
            Shape shape = shape(schema, where);
            if (shape == null) {
                return;
            }
            if (raw == Object.class) {
                if (!shape.any) {
                    problems.add(where + " is any JSON value in the record (Object): its schema must not constrain it");
                }
                return;
            }
            String expected = jsonType(raw);
            if (expected == null) {
                problems.add(where + ": the checker does not know how " + type.getTypeName()
                        + " is written in JSON; teach AsyncApiChecker.jsonType");
                return;
            }
            if (shape.any) {
                problems.add(where + " has no type; the record's " + raw.getSimpleName() + " is written as a JSON "
                        + expected);
                return;
            }
            if (!shape.types.equals(Set.of(expected))) {
                problems.add(where + " is of type " + shape.types + ", but the record's " + raw.getSimpleName()
                        + " is written as a JSON " + expected);
            }
            if (nullable && !shape.acceptsNull) {
                problems.add(where + " is @Nullable in the record, so its schema must allow null");
            } else if (!nullable && shape.acceptsNull) {
                problems.add(where + " is not @Nullable in the record, so its schema must not allow null");
            }
            JsonNode node = shape.node;
            String format = node.path("format").asText(null);
            String expectedFormat = raw == Instant.class || raw == OffsetDateTime.class ? "date-time"
                    : raw == LocalDate.class ? "date" : null;
            if (expectedFormat != null && !expectedFormat.equals(format)) {
                problems.add(where + " is a " + raw.getSimpleName() + ", written as a string of format "
                        + expectedFormat + "; the schema's format is " + format);
            } else if (expectedFormat == null && ("date".equals(format) || "date-time".equals(format))) {
                problems.add(where + " is a " + raw.getSimpleName() + ", not a date, but has the format " + format);
            }
            if (raw.isEnum()) {
                enumeration(raw, node, where);
            } else if (node.has("enum") || node.has("const")) {
                problems.add(where + " restricts its values (enum or const), but the record's "
                        + raw.getSimpleName() + " does not: make it a Java enum, or describe the values in words");
            }
            if (Collection.class.isAssignableFrom(raw)) {
                if (!node.has("items")) {
                    problems.add(where + " is a collection: its schema needs items");
                } else {
                    value(node.get("items"), typeArgument(type, 0, where), false, where + "[]");
                }
            } else if (Map.class.isAssignableFrom(raw)) {
                if (raw(typeArgument(type, 0, where)) != String.class) {
                    problems.add(where + " is a map whose keys are not strings");
                }
                if (node.has("properties") || !node.path("additionalProperties").isObject()) {
                    problems.add(where + " is a map: its schema needs additionalProperties (the values' schema) and "
                            + "no properties");
                } else {
                    value(node.get("additionalProperties"), typeArgument(type, 1, where), false, where + "{}");
                }
            } else if (raw.isRecord()) {
                String key = (shape.ref != null ? shape.ref : "inline@" + System.identityHashCode(node)) + " as "
                        + raw.getName();
                if (visited.add(key)) {
                    record(node, raw, shape.ref != null ? shape.ref.substring(shape.ref.lastIndexOf('/') + 1) : where);
                }
            }
        }

        private void record(JsonNode schema, Class<?> record, String where) {
            List<Component> components = components(record, where);
            Set<String> names = components.stream().map(Component::json)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            Set<String> properties = fields(schema.path("properties")).keySet();
            for (String name : names) {
                if (!properties.contains(name)) {
                    problems.add(where + " lacks the property " + name + " of " + record.getSimpleName());
                }
            }
            for (String property : properties) {
                if (!names.contains(property)) {
                    problems.add(where + " has the property " + property + ", which " + record.getSimpleName()
                            + " does not have");
                }
            }
            Set<String> required = texts(schema.path("required"));
            Set<String> expected = components.stream().filter(c -> !c.nullable).map(Component::json)
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!new TreeSet<>(required).equals(expected)) {
                problems.add(where + " requires " + new TreeSet<>(required) + ", but the components of "
                        + record.getSimpleName() + " that are primitive or not @Nullable are " + expected);
            }
            if (schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").asBoolean()) {
                problems.add(where + " forbids additional properties, but consumers must accept fields added within "
                        + "a version");
            }
            for (Component component : components) {
                if (properties.contains(component.json)) {
                    value(schema.path("properties").get(component.json), component.type, component.nullable,
                            where + "." + component.json);
                }
            }
        }

        /** The schema's shape: '<schema> or null' unwrapped, a $ref followed, its types; null when unusable. */
        private Shape shape(JsonNode schema, String where) {
            JsonNode node = schema;
            boolean nullUnion = false;
            for (String combinator : List.of("oneOf", "anyOf")) {
                if (node.has(combinator)) {
                    List<JsonNode> alternatives = StreamSupport.stream(node.get(combinator).spliterator(), false)
                            .toList();
                    List<JsonNode> others = alternatives.stream().filter(a -> !isNull(a)).toList();
                    if (alternatives.size() != 2 || others.size() != 1) {
                        problems.add(where + ": a " + combinator + " other than '<schema> or null' is not something "
                                + "a record component can be");
                        return null;
                    }
                    node = others.getFirst();
                    nullUnion = true;
                }
            }
            String ref = null;
            if (node.has("$ref")) {
                ref = node.get("$ref").asText();
                node = at(ref);
                if (node.isMissingNode()) {
                    problems.add(where + ": $ref " + ref + " does not resolve");
                    return null;
                }
            }
            JsonNode type = node.get("type");
            Set<String> types = new TreeSet<>();
            if (type != null && type.isArray()) {
                type.forEach(t -> types.add(t.asText()));
            } else if (type != null) {
                types.add(type.asText());
            }
            boolean acceptsNull = nullUnion || types.remove("null") || type == null;
            boolean any = type == null && !node.has("properties") && !node.has("items") && !node.has("enum")
                    && !node.has("const") && !node.has("$ref") && !node.has("allOf") && !node.has("oneOf")
                    && !node.has("anyOf") && !node.has("not");
            return new Shape(node, ref, acceptsNull, types, any);
        }

        private void enumeration(Class<?> type, JsonNode node, String where) {
            Set<String> constants = new TreeSet<>();
            for (Object constant : type.getEnumConstants()) {
                String name = ((Enum<?>) constant).name();
                try {
                    Field field = type.getField(name);
                    unknownAnnotations(field.getAnnotations(), where + " (" + type.getSimpleName() + "." + name + ")");
                } catch (NoSuchFieldException e) {
                    throw new IllegalStateException(e);
                }
                constants.add(name);
            }
            Set<String> values = new TreeSet<>(texts(node.path("enum")));
            if (!values.equals(constants)) {
                problems.add(where + " has the enum " + values + ", but " + type.getSimpleName() + " has " + constants);
            }
        }

        private List<Component> components(Class<?> record, String where) {
            unknownAnnotations(record.getAnnotations(), where + " (" + record.getSimpleName() + ")");
            List<Component> components = new ArrayList<>();
            for (RecordComponent component : record.getRecordComponents()) {
                Method accessor = component.getAccessor();
                List<Annotation> annotations = new ArrayList<>(Arrays.asList(accessor.getAnnotations()));
                try {
                    annotations.addAll(Arrays.asList(record.getDeclaredField(component.getName()).getAnnotations()));
                } catch (NoSuchFieldException e) {
                    throw new IllegalStateException(e);
                }
                unknownAnnotations(annotations.toArray(Annotation[]::new), where + "." + component.getName());
                if (annotations.stream().anyMatch(a -> a.annotationType().getSimpleName().equals("JsonIgnore"))) {
                    continue;
                }
                String json = annotations.stream().filter(JsonProperty.class::isInstance).map(JsonProperty.class::cast)
                        .map(JsonProperty::value).filter(v -> !v.isEmpty()).findFirst().orElse(component.getName());
                boolean nullable = !component.getType().isPrimitive()
                        && (annotations.stream().anyMatch(AsyncApiChecker::isNullable)
                        || Arrays.stream(accessor.getAnnotatedReturnType().getAnnotations())
                        .anyMatch(AsyncApiChecker::isNullable));
                components.add(new Component(json, component.getGenericType(), nullable));
            }
            return components;
        }

        private void unknownAnnotations(Annotation[] annotations, String where) {
            for (Annotation annotation : annotations) {
                Class<? extends Annotation> type = annotation.annotationType();
                boolean serialization = type.getPackageName().startsWith("com.fasterxml.jackson")
                        || type.getPackageName().startsWith("io.micronaut.serde");
                if (serialization && !UNDERSTOOD_ANNOTATIONS.contains(type.getSimpleName())) {
                    problems.add(where + " has @" + type.getSimpleName() + ", whose effect on the JSON the checker "
                            + "does not model; teach AsyncApiChecker");
                }
            }
        }

        private Type typeArgument(Type type, int index, String where) {
            if (type instanceof ParameterizedType parameterized) {
                Type argument = parameterized.getActualTypeArguments()[index];
                return argument instanceof WildcardType wildcard ? wildcard.getUpperBounds()[0] : argument;
            }
            problems.add(where + " is a raw " + type.getTypeName() + ": the checker needs its type arguments");
            return Object.class;
        }
    }

    private record Shape(JsonNode node, String ref, boolean acceptsNull, Set<String> types, boolean any) {
    }

    private record Component(String json, Type type, boolean nullable) {
    }

    private static boolean isNullable(Annotation annotation) {
        return annotation.annotationType().getSimpleName().equals("Nullable");
    }

    private static boolean isNull(JsonNode schema) {
        return schema.size() == 1 && "null".equals(schema.path("type").asText());
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof WildcardType w) {
            return raw(w.getUpperBounds()[0]);
        }
        return Object.class;
    }

    /** How micronaut-serde writes a Java type: the JSON Schema type, or null where the checker does not know. */
    static String jsonType(Class<?> type) {
        if (type == String.class || type == Instant.class || type == LocalDate.class || type == OffsetDateTime.class
                || type.isEnum()) {
            return "string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "integer";
        }
        if (type == BigDecimal.class || type == Double.class || type == double.class || type == Float.class
                || type == float.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "object";
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Examples and fixtures

    /**
     * Each message's examples: one of them is the type's fixture, each payload validates against the message's
     * payload schema and each headers object against its headers schema, and the headers' {@code ce_subject} (and a
     * key const) is the payload's aggregate id, as the outbox relay writes it.
     */
    List<String> examples() {
        List<String> problems = new ArrayList<>();
        fields(doc.path("components").path("messages")).forEach((id, message) -> {
            String where = "components.messages." + id;
            EventType type = EventType.fromType(header(message, "ce_type").path("const").asText()).orElse(null);
            if (type == null) {
                return; // contract() says so
            }
            JsonNode fixture = json(EventFixtures.json(type));
            boolean fixtureShown = false;
            int i = 0;
            for (JsonNode example : message.path("examples")) {
                String at = where + ".examples[" + i++ + "]";
                JsonNode payload = example.path("payload");
                fixtureShown |= sameJson(payload, fixture);
                validate(message.path("payload"), payload, false).forEach(m -> problems.add(at + ".payload: " + m));
                JsonNode headers = example.path("headers");
                if (headers.isMissingNode()) {
                    problems.add(at + " has no headers");
                    continue;
                }
                validate(message.path("headers"), headers, false).forEach(m -> problems.add(at + ".headers: " + m));
                String aggregateId = aggregateId(type, payload, problems, at);
                if (aggregateId != null && !aggregateId.equals(headers.path("ce_subject").asText())) {
                    problems.add(at + ".headers.ce_subject must be the payload's aggregate id " + aggregateId);
                }
                JsonNode keyConst = resolve(message.path("bindings").path("kafka").path("key")).path("const");
                if (aggregateId != null && !keyConst.isMissingNode() && !keyConst.asText().equals(aggregateId)) {
                    problems.add(where + ".bindings.kafka.key is the const " + keyConst + ", but the payload's "
                            + "aggregate id is " + aggregateId);
                }
            }
            if (!fixtureShown) {
                problems.add(where + ".examples must show the fixture fixtures/" + type.type() + ".json as it is");
            }
        });
        return problems;
    }

    /**
     * A payload JSON against its type's message payload schema: as the document has it, then closed (no property the
     * document lacks) and, after a round trip through the record and micronaut-serde, closed again, so that the JSON
     * names the serializer writes are the document's.
     */
    List<String> payload(EventType type, String json) {
        List<String> problems = new ArrayList<>();
        JsonNode schema = messageOf(type).path("payload");
        if (schema.isMissingNode()) {
            return List.of("no payload schema for " + type.type());
        }
        JsonNode node = json(json);
        validate(schema, node, false).forEach(m -> problems.add(type.type() + ": " + m));
        validate(schema, node, true).forEach(m -> problems.add(type.type() + " (no property the document lacks): " + m));
        try {
            EventPayload payload = SERDE.readValue(json, type.payloadType());
            JsonNode written = json(SERDE.writeValueAsString(payload));
            validate(schema, written, true).forEach(m -> problems.add(type.type() + " as micronaut-serde writes "
                    + "it: " + m));
        } catch (IOException e) {
            problems.add(type.type() + " does not bind to " + type.payloadType().getSimpleName() + ": " + e);
        }
        return problems;
    }

    private JsonNode messageOf(EventType type) {
        for (JsonNode message : doc.path("components").path("messages")) {
            if (type.type().equals(header(message, "ce_type").path("const").asText())) {
                return message;
            }
        }
        return JsonNodeFactory.instance.missingNode();
    }

    private static String aggregateId(EventType type, JsonNode payload, List<String> problems, String where) {
        try {
            return SERDE.readValue(payload.toString(), type.payloadType()).aggregateId();
        } catch (IOException | RuntimeException e) {
            problems.add(where + ".payload does not bind to " + type.payloadType().getSimpleName() + ": " + e);
            return null;
        }
    }

    /**
     * Validates a JSON against a schema of the document (its {@code $ref}s into {@code components.schemas} resolved);
     * {@code closed}: with every object schema that lists properties closed to others.
     */
    List<String> validate(JsonNode schema, JsonNode instance, boolean closed) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("$schema", SchemaId.V7);
        root.putArray("allOf").add(schema.deepCopy());
        root.putObject("components").set("schemas", doc.path("components").path("schemas").deepCopy());
        if (closed) {
            close(root);
        }
        return SCHEMAS.getSchema(root).validate(instance).stream().map(ValidationMessage::getMessage).sorted()
                .toList();
    }

    private static void close(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.path("properties").isObject() && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            object.forEach(AsyncApiChecker::close);
        } else if (node instanceof ArrayNode array) {
            array.forEach(AsyncApiChecker::close);
        }
    }

    /** Equal as JSON, numbers by value (the YAML's 1 and the fixture's 1.0 are the same number). */
    static boolean sameJson(JsonNode a, JsonNode b) {
        Comparator<JsonNode> byValue = (x, y) -> {
            if (x.isNumber() && y.isNumber()) {
                return x.decimalValue().compareTo(y.decimalValue());
            }
            return x.equals(y) ? 0 : 1;
        };
        return a.equals(byValue, b);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Operations: who sends and who receives

    /**
     * The operations are named {@code <service>.<send|receive>.<channel id>} and say so (action, channel, tag), a
     * receiver names its consumer group (the service) and client id, a sender its outbox relay's client id, a
     * channel's sender is the service its messages' {@code ce_source} names, and each topic has exactly one sender.
     */
    List<String> operations() {
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> sendersByChannel = new LinkedHashMap<>();
        fields(doc.path("operations")).forEach((id, operation) -> {
            String where = "operations." + id;
            Matcher name = OPERATION_ID.matcher(id);
            if (!name.matches()) {
                problems.add(where + " must be named <service>.<send|receive>.<channel id>");
                return;
            }
            String service = name.group(1);
            String action = name.group(2);
            String channelId = name.group(3);
            if (!action.equals(operation.path("action").asText())) {
                problems.add(where + ".action must be " + action);
            }
            if (!("#/channels/" + channelId).equals(operation.path("channel").path("$ref").asText())) {
                problems.add(where + ".channel must be #/channels/" + channelId);
            }
            if (!texts(operation.path("tags").findValues("name")).equals(Set.of(service))
                    || operation.path("tags").size() != 1) {
                problems.add(where + " must have the one tag " + service);
            }
            JsonNode kafka = operation.path("bindings").path("kafka");
            if (action.equals("receive")) {
                expectConst(problems, where + ".bindings.kafka.groupId", kafka.path("groupId"), service);
                expectConst(problems, where + ".bindings.kafka.clientId", kafka.path("clientId"), service + "-consumer");
            } else {
                sendersByChannel.computeIfAbsent(channelId, c -> new TreeSet<>()).add(service);
                if (kafka.has("groupId")) {
                    problems.add(where + " sends: it has no consumer group");
                }
                expectConst(problems, where + ".bindings.kafka.clientId", kafka.path("clientId"),
                        service + "-outbox-relay");
                for (JsonNode message : operation.path("messages")) {
                    JsonNode source = header(resolve(message), "ce_source").path("const");
                    if (!(SOURCE_PREFIX + service).equals(source.asText())) {
                        problems.add(where + " sends " + message.path("$ref").asText() + ", whose ce_source is "
                                + source + ", not " + SOURCE_PREFIX + service);
                    }
                }
            }
        });
        fields(doc.path("channels")).forEach((id, channel) -> {
            Set<String> senders = sendersByChannel.getOrDefault(id, Set.of());
            if (senders.size() != 1) {
                problems.add("channels." + id + " must have exactly one sending service (one topic per publishing "
                        + "aggregate), has " + senders);
            }
        });
        return problems;
    }

    /** Who sends and receives what, as the document's operations say. */
    Set<Use> uses() {
        Set<Use> uses = new TreeSet<>();
        fields(doc.path("operations")).forEach((id, operation) -> {
            Matcher name = OPERATION_ID.matcher(id);
            if (name.matches()) {
                uses.add(new Use(name.group(1), operation.path("action").asText(),
                        resolve(operation.path("channel")).path("address").asText()));
            }
        });
        return uses;
    }

    /** The document's operations against the uses read from the services' code. */
    List<String> operationsMatch(Set<Use> fromCode) {
        List<String> problems = new ArrayList<>();
        Set<Use> documented = uses();
        for (Use use : new TreeSet<>(fromCode)) {
            if (!documented.contains(use)) {
                problems.add("the code has " + use + ", which no operation of the document says");
            }
        }
        for (Use use : documented) {
            if (!fromCode.contains(use)) {
                problems.add("the document says " + use + ", which the code does not do");
            }
        }
        return problems;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // helpers

    private JsonNode header(JsonNode message, String name) {
        return resolve(resolve(message.path("headers")).path("properties").path(name));
    }

    private static void expectConst(List<String> problems, String where, JsonNode schema, String value) {
        if (!value.equals(schema.path("const").asText(null))) {
            problems.add(where + " must be the const '" + value + "', is " + schema.path("const"));
        }
    }

    private JsonNode at(String ref) {
        return ref.startsWith("#") ? doc.at(ref.substring(1)) : JsonNodeFactory.instance.missingNode();
    }

    /** The node a {@code $ref} names, or the node itself. */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            current = at(current.get("$ref").asText());
        }
        return current;
    }

    private static Set<String> refs(JsonNode node) {
        Set<String> refs = new TreeSet<>();
        collectRefs(node, refs);
        return refs;
    }

    private static void collectRefs(JsonNode node, Set<String> refs) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                refs.add(ref.asText());
            }
            node.forEach(child -> collectRefs(child, refs));
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }

    private static Map<String, JsonNode> fields(JsonNode node) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                fields.put(entry.getKey(), entry.getValue());
            }
        }
        return fields;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new LinkedHashSet<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static Set<String> texts(List<JsonNode> nodes) {
        return nodes.stream().map(JsonNode::asText).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void allowedKeys(List<String> problems, JsonNode node, String where, String... allowed) {
        if (!node.isObject()) {
            if (!node.isMissingNode()) {
                problems.add(where + " must be an object");
            }
            return;
        }
        Set<String> keys = Set.of(allowed);
        node.fieldNames().forEachRemaining(key -> {
            if (!keys.contains(key) && !key.startsWith("x-")) {
                problems.add(where + " has the field '" + key + "', which AsyncAPI " + ASYNCAPI_VERSION
                        + " does not have there");
            }
        });
    }

}

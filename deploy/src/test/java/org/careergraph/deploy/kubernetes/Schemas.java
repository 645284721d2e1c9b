package org.careergraph.deploy.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Validates each object against the schema of its apiVersion and kind, with no unknown field allowed anywhere:
 * <ul>
 *   <li>Kubernetes kinds: the fabric8 model class (every kind the fabric8 model jars on the test classpath list),
 *       Gateway API's {@code Gateway} and {@code HTTPRoute} ({@code gateway.networking.k8s.io/v1}) included: fabric8's
 *       Gateway API model follows the experimental channel, so keep to fields of the standard one;</li>
 *   <li>Strimzi kinds (Kafka, KafkaNodePool, KafkaTopic, KafkaUser): Strimzi's own model, {@code io.strimzi:api};</li>
 *   <li>the MySQL Operator's InnoDBCluster ({@code mysql.oracle.com/v2}): a JSON schema written from the operator's
 *       CRD ({@code kubernetes/schemas/innodbcluster-v2.schema.json}), with its free-form parts ({@code podSpec},
 *       {@code datadirVolumeClaimTemplate}, metadata) checked strictly against the fabric8 model too;</li>
 *   <li>Envoy Gateway's BackendTrafficPolicy ({@code gateway.envoyproxy.io/v1alpha1}, the edge's rate limits): a JSON
 *       schema written from its CRD ({@code kubernetes/schemas/backendtrafficpolicy-v1alpha1.schema.json}), metadata
 *       against the fabric8 model.</li>
 * </ul>
 * Both models keep fields they do not know in {@code additionalProperties} instead of failing, so after reading an
 * object every model object in it is walked and any non-empty additional-properties map is an unknown field. Scalars
 * of the wrong type (a number where Kubernetes wants a string, as in {@code value: 8080}) fail too: Kubernetes would
 * refuse them.
 */
final class Schemas {

    static final String INNODB_CLUSTER = "mysql.oracle.com/v2 InnoDBCluster";
    static final String BACKEND_TRAFFIC_POLICY = "gateway.envoyproxy.io/v1alpha1 BackendTrafficPolicy";
    static final String PROMETHEUS_RULE = "monitoring.coreos.com/v1 PrometheusRule";

    private final ObjectMapper mapper = strictMapper();
    private final Map<String, Class<?>> models = new TreeMap<>();
    private final JsonSchema innoDbCluster;
    private final JsonSchema backendTrafficPolicy;
    private final JsonSchema prometheusRule;

    Schemas() {
        registerFabric8Models();
        for (Class<? extends HasMetadata> strimzi : List.of(Kafka.class, KafkaNodePool.class, KafkaTopic.class,
                KafkaUser.class)) {
            models.put(HasMetadata.getApiVersion(strimzi) + " " + HasMetadata.getKind(strimzi), strimzi);
        }
        innoDbCluster = jsonSchema("kubernetes/schemas/innodbcluster-v2.schema.json");
        backendTrafficPolicy = jsonSchema("kubernetes/schemas/backendtrafficpolicy-v1alpha1.schema.json");
        prometheusRule = jsonSchema("kubernetes/schemas/prometheusrule-v1.schema.json");
    }

    private static JsonSchema jsonSchema(String name) {
        try (InputStream schema = resource(name)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The "apiVersion Kind" keys this validator knows. */
    Set<String> kinds() {
        Set<String> kinds = new java.util.TreeSet<>(models.keySet());
        kinds.add(INNODB_CLUSTER);
        kinds.add(BACKEND_TRAFFIC_POLICY);
        kinds.add(PROMETHEUS_RULE);
        return kinds;
    }

    /** What is wrong with one object's shape; empty when it fits its schema. */
    List<String> validate(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText("");
        String kind = object.path("kind").asText("");
        String key = apiVersion + " " + kind;
        if (apiVersion.isEmpty() || kind.isEmpty()) {
            return List.of("no apiVersion or kind");
        }
        if (INNODB_CLUSTER.equals(key)) {
            return validateInnoDbCluster(object);
        }
        if (BACKEND_TRAFFIC_POLICY.equals(key) || PROMETHEUS_RULE.equals(key)) {
            List<String> problems = messages(PROMETHEUS_RULE.equals(key) ? prometheusRule : backendTrafficPolicy,
                    object);
            problems.addAll(readStrictly(object.path("metadata"), ObjectMeta.class, "metadata"));
            return problems;
        }
        Class<?> model = models.get(key);
        if (model == null) {
            return List.of("no schema for " + key + " (known: the fabric8 Kubernetes and Gateway API model kinds, "
                    + "Strimzi's kafka.strimzi.io/v1 Kafka, KafkaNodePool, KafkaTopic, KafkaUser, " + INNODB_CLUSTER
                    + ", " + BACKEND_TRAFFIC_POLICY + " and " + PROMETHEUS_RULE + ")");
        }
        return readStrictly(object, model, "");
    }

    private static List<String> messages(JsonSchema schema, JsonNode object) {
        List<String> problems = new ArrayList<>();
        for (ValidationMessage message : schema.validate(object)) {
            problems.add(message.getMessage());
        }
        return problems;
    }

    private List<String> validateInnoDbCluster(JsonNode object) {
        List<String> problems = messages(innoDbCluster, object);
        problems.addAll(readStrictly(object.path("metadata"), ObjectMeta.class, "metadata"));
        JsonNode spec = object.path("spec");
        problems.addAll(readStrictly(spec.path("podSpec"), PodSpec.class, "spec.podSpec"));
        problems.addAll(readStrictly(spec.path("router").path("podSpec"), PodSpec.class, "spec.router.podSpec"));
        problems.addAll(readStrictly(spec.path("datadirVolumeClaimTemplate"), PersistentVolumeClaimSpec.class,
                "spec.datadirVolumeClaimTemplate"));
        return problems;
    }

    /** Reads a tree as a model class, failing on any unknown field or wrongly typed scalar. */
    private List<String> readStrictly(JsonNode tree, Class<?> model, String path) {
        if (tree.isMissingNode() || tree.isNull()) {
            return List.of();
        }
        Object value;
        try {
            value = mapper.treeToValue(tree, model);
        } catch (JsonProcessingException e) {
            return List.of((path.isEmpty() ? "" : path + ": ") + e.getOriginalMessage() + " at "
                    + pathOf(e));
        }
        List<String> problems = new ArrayList<>();
        walk(value, path, problems, Collections.newSetFromMap(new IdentityHashMap<>()));
        return problems;
    }

    private static String pathOf(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) {
            StringBuilder path = new StringBuilder();
            for (var reference : mapping.getPath()) {
                if (reference.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
                } else if (reference.getIndex() >= 0) {
                    path.append('[').append(reference.getIndex()).append(']');
                }
            }
            return path.toString();
        }
        return "?";
    }

    /** Every model object under value: a non-empty additional-properties map is a field the schema does not have. */
    private void walk(Object value, String path, List<String> problems, Set<Object> seen) {
        if (value == null || !seen.add(value)) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                walk(item, path + "[" + index++ + "]", problems, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                walk(entry.getValue(), path + "." + entry.getKey(), problems, seen);
            }
            return;
        }
        String pkg = value.getClass().getPackageName();
        if (value.getClass().isEnum() || !(pkg.startsWith("io.fabric8.") || pkg.startsWith("io.strimzi."))) {
            return;
        }
        JavaType type = mapper.constructType(value.getClass());
        BeanDescription description = mapper.getSerializationConfig().introspect(type);
        AnnotatedMember anyGetter = description.findAnyGetter();
        if (anyGetter != null) {
            anyGetter.fixAccess(true);
            if (anyGetter.getValue(value) instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                for (Object field : unknown.keySet()) {
                    problems.add("unknown field " + (path.isEmpty() ? "" : path + ".") + field);
                }
            }
        }
        for (BeanPropertyDefinition property : description.findProperties()) {
            AnnotatedMember accessor = property.getAccessor();
            if (accessor == null || property.getName().equals("additionalProperties")) {
                continue;
            }
            accessor.fixAccess(true);
            Object child;
            try {
                child = accessor.getValue(value);
            } catch (RuntimeException e) {
                continue;
            }
            walk(child, (path.isEmpty() ? "" : path + ".") + property.getName(), problems, seen);
        }
    }

    private static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        // Kubernetes takes no number or boolean where it wants a string (env value: 8080 is refused).
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        return mapper;
    }

    private void registerFabric8Models() {
        String services = "META-INF/services/io.fabric8.kubernetes.api.model.KubernetesResource";
        try {
            Enumeration<URL> lists = Schemas.class.getClassLoader().getResources(services);
            for (URL list : Collections.list(lists)) {
                try (BufferedReader reader = new BufferedReader(
                        new InputStreamReader(list.openStream(), StandardCharsets.UTF_8))) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        register(line.strip());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!models.containsKey("apps/v1 Deployment") || !models.containsKey("v1 Service")) {
            throw new IllegalStateException("the fabric8 model jars are not on the test classpath (found "
                    + models.size() + " kinds)");
        }
    }

    private void register(String className) {
        if (className.isEmpty() || className.startsWith("#")) {
            return;
        }
        try {
            Class<?> type = Class.forName(className, false, Schemas.class.getClassLoader());
            if (HasMetadata.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())) {
                @SuppressWarnings("unchecked")
                Class<? extends HasMetadata> resource = (Class<? extends HasMetadata>) type;
                models.putIfAbsent(HasMetadata.getApiVersion(resource) + " " + HasMetadata.getKind(resource), type);
            }
        } catch (ClassNotFoundException | LinkageError e) {
            // a listed class from a jar that is not complete on this classpath: not a kind we can validate
        }
    }

    static InputStream resource(String name) {
        InputStream stream = Schemas.class.getClassLoader().getResourceAsStream(name);
        if (stream == null) {
            throw new IllegalStateException("test resource " + name + " is missing");
        }
        return stream;
    }

    /** For diagnostics: how many kinds each group has. */
    Map<String, Integer> kindsPerApiVersion() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String key : kinds()) {
            counts.merge(key.substring(0, key.indexOf(' ')), 1, Integer::sum);
        }
        return counts;
    }
}

package org.careergraph.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The schema check and the facts read from the code, on small objects. */
class KubernetesSchemasTest {

    private final Schemas schemas = new Schemas();

    private static ObjectNode yaml(String text) {
        return Manifests.parse(text, "test").getFirst();
    }

    @Test
    void knowsTheKindsTheDeploymentUses() {
        for (String kind : List.of("v1 Service", "v1 ConfigMap", "v1 Secret", "apps/v1 Deployment",
                "apps/v1 StatefulSet", "gateway.networking.k8s.io/v1 Gateway", "gateway.networking.k8s.io/v1 HTTPRoute",
                Schemas.BACKEND_TRAFFIC_POLICY, Schemas.PROMETHEUS_RULE, "networking.k8s.io/v1 NetworkPolicy",
                "policy/v1 PodDisruptionBudget", "autoscaling/v2 HorizontalPodAutoscaler", "batch/v1 Job",
                "rbac.authorization.k8s.io/v1 Role", "kafka.strimzi.io/v1 Kafka", "kafka.strimzi.io/v1 KafkaNodePool",
                "kafka.strimzi.io/v1 KafkaTopic", "kafka.strimzi.io/v1 KafkaUser", Schemas.INNODB_CLUSTER)) {
            assertTrue(schemas.kinds().contains(kind), kind + " unknown; known per apiVersion: "
                    + schemas.kindsPerApiVersion());
        }
    }

    @Test
    void anUnknownKindHasNoSchema() {
        assertEquals(List.of("no schema for example.org/v1 Widget (known: the fabric8 Kubernetes and Gateway API "
                + "model kinds, Strimzi's kafka.strimzi.io/v1 Kafka, KafkaNodePool, KafkaTopic, KafkaUser, "
                + Schemas.INNODB_CLUSTER + ", " + Schemas.BACKEND_TRAFFIC_POLICY + " and " + Schemas.PROMETHEUS_RULE
                + ")"),
                schemas.validate(yaml("{apiVersion: example.org/v1, kind: Widget}")));
    }

    @Test
    void aNumberWhereKubernetesWantsAStringFails() {
        List<String> problems = schemas.validate(yaml("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: x}
                data: {PORT: 8080}
                """));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.getFirst().contains("data.PORT"), problems.toString());
    }

    @Test
    void unknownFieldsOfStrimziKindsFail() {
        assertEquals(List.of("unknown field spec.replica"), schemas.validate(yaml("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: t, labels: {strimzi.io/cluster: c}}
                spec: {partitions: 3, replica: 3}
                """)));
    }

    @Test
    void unknownFieldsOfGatewayApiKindsFail() {
        assertEquals(List.of("unknown field spec.rules[0].matches[0].path.prefix"), schemas.validate(yaml("""
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: r}
                spec:
                  parentRefs: [{name: g}]
                  rules:
                    - matches: [{path: {type: PathPrefix, prefix: /api}}]
                      backendRefs: [{name: s, port: 80}]
                """)));
        assertEquals(List.of("unknown field spec.listeners[0].tls.certificateRef"), schemas.validate(yaml("""
                apiVersion: gateway.networking.k8s.io/v1
                kind: Gateway
                metadata: {name: g}
                spec:
                  gatewayClassName: eg
                  listeners:
                    - {name: https, protocol: HTTPS, port: 443, tls: {certificateRef: {name: tls}}}
                """)));
    }

    @Test
    void theBackendTrafficPolicySchemaRefusesUnknownFieldsAndBadValues() {
        String valid = """
                apiVersion: gateway.envoyproxy.io/v1alpha1
                kind: BackendTrafficPolicy
                metadata: {name: limits}
                spec:
                  targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: r}]
                  rateLimit:
                    local:
                      rules:
                        - clientSelectors:
                            - methods: [{value: POST}]
                              sourceCIDR: {type: Distinct, value: 0.0.0.0/0}
                          limit: {requests: 60, unit: Minute}
                """;
        assertEquals(List.of(), schemas.validate(yaml(valid)));
        List<String> problems = schemas.validate(yaml(valid.replace("unit: Minute", "unit: Minutes")
                .replace("type: Distinct", "type: PerClient")));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.getFirst().startsWith("$.spec.rateLimit.local.rules[0].") && problems.toString().contains(
                "limit.unit") && problems.toString().contains("sourceCIDR.type"), problems.toString());
        assertEquals(List.of("$.spec.rateLimit.local.rules[0]: property 'clientSelector' is not defined in the schema "
                + "and the schema does not allow additional properties"),
                schemas.validate(yaml(valid.replace("clientSelectors:", "clientSelector:"))));
        // The CRD's CEL rules: a select condition names something to select on; targets are of Gateway API's group;
        // targetRef or targetRefs, not both.
        List<String> noCondition = schemas.validate(yaml(valid.replace("- methods: [{value: POST}]", "- {}")
                .replace("              sourceCIDR: {type: Distinct, value: 0.0.0.0/0}\n", "")));
        assertFalse(noCondition.isEmpty());
        assertTrue(noCondition.stream().allMatch(problem -> problem.startsWith(
                "$.spec.rateLimit.local.rules[0].clientSelectors[0]: required property")), noCondition.toString());
        assertEquals(List.of("$.spec.targetRefs[0].group: must be the constant value 'gateway.networking.k8s.io'"),
                schemas.validate(yaml(valid.replace("group: gateway.networking.k8s.io", "group: example.org"))));
        List<String> bothTargets = schemas.validate(yaml(valid.replace("  targetRefs: [",
                "  targetRef: {group: gateway.networking.k8s.io, kind: HTTPRoute, name: r}\n  targetRefs: [")));
        assertFalse(bothTargets.isEmpty());
        assertTrue(bothTargets.stream().allMatch(problem -> problem.startsWith("$.spec: ")), bothTargets.toString());
        assertEquals(List.of("unknown field metadata.label"), schemas.validate(yaml(valid.replace(
                "metadata: {name: limits}", "metadata: {name: limits, label: {a: b}}"))));
    }

    @Test
    void theInnoDbClusterSchemaRefusesUnknownFieldsAndBadValues() {
        List<String> problems = schemas.validate(yaml("""
                apiVersion: mysql.oracle.com/v2
                kind: InnoDBCluster
                metadata: {name: db}
                spec:
                  secretName: root
                  instances: 12
                  tlsUseSelfSiged: true
                  router: {instances: 1, replicas: 2}
                  datadirVolumeClaimTemplate: {accessModes: [ReadWriteOnce], resource: {}}
                """));
        assertEquals(4, problems.size(), problems.toString());
        String all = problems.toString();
        assertTrue(all.contains("tlsUseSelfSiged") && all.contains("replicas") && all.contains("instances")
                && all.contains("unknown field spec.datadirVolumeClaimTemplate.resource"), all);
    }

    @Test
    void theCodeFactsAreRead() {
        assertEquals(10, CodeFacts.topics().size(), CodeFacts.topics().toString());
        assertTrue(CodeFacts.topics().contains("careergraph.scores.dlt"));
        assertEquals("/", CodeFacts.publicRoutes().keySet().stream().reduce((a, b) -> b).orElseThrow());
        assertEquals(Map.ofEntries(Map.entry("/api/occupations", "catalog-service"),
                Map.entry("/api/releases", "catalog-service"), Map.entry("/api/catalog", "catalog-service"),
                Map.entry("/api/immigration", "immigration-service"), Map.entry("/api/scores", "scoring-service"),
                Map.entry("/api/rankings", "scoring-service"), Map.entry("/api/scoring", "scoring-service"),
                Map.entry("/api/subscriptions", "notification-service"),
                Map.entry("/api/feeds", "notification-service"),
                Map.entry("/api/notification", "notification-service"), Map.entry("/", "web")),
                CodeFacts.publicRoutes());
        assertTrue(CodeFacts.requiredEnvironment("catalog-service").containsAll(CodeFacts.REQUIRED_FOR_SERVICES));
        assertTrue(CodeFacts.requiredEnvironment("web").containsAll(CodeFacts.REQUIRED_FOR_WEB));
    }
}

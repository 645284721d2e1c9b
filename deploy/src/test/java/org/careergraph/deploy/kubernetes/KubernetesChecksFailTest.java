package org.careergraph.deploy.kubernetes;

import static org.careergraph.deploy.kubernetes.ManifestChecks.mainContainer;
import static org.careergraph.deploy.kubernetes.ManifestChecks.ofKind;
import static org.careergraph.deploy.kubernetes.ManifestChecks.workload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checks can fail: each test takes rendered objects (the prod overlay, and the fixture so that the proof does not
 * depend on the state of deploy/kubernetes), breaks one thing in memory, and asserts that the matching check reports
 * exactly one new problem, that one.
 */
class KubernetesChecksFailTest {

    static Stream<String> bases() {
        return Stream.of("fixture", "prod");
    }

    private static List<ObjectNode> objects(String base) {
        if (base.equals("fixture")) {
            return RenderedOverlays.render(RenderedOverlays.fixture());
        }
        Optional<Path> prod = RenderedOverlays.overlay("prod");
        assertTrue(prod.isPresent(), "no deploy/kubernetes/overlays/prod");
        return RenderedOverlays.render(prod.get());
    }

    /** The problems the check reports on the changed objects that it does not report on the unchanged ones. */
    private static List<Problem> added(List<ObjectNode> before, List<ObjectNode> after,
            Function<List<ObjectNode>, List<Problem>> check) {
        List<Problem> problems = new ArrayList<>(check.apply(after));
        for (Problem old : check.apply(before)) {
            problems.remove(old);
        }
        return problems;
    }

    private static ObjectNode deployment(List<ObjectNode> objects, String service) {
        return workload(objects, service).orElseThrow(() -> new AssertionError("no Deployment " + service));
    }

    @ParameterizedTest
    @MethodSource("bases")
    void aMissingReadinessProbeIsReported(String base) {
        List<ObjectNode> before = objects(base);
        List<ObjectNode> after = Manifests.copy(before);
        ObjectNode deployment = deployment(after, "catalog-service");
        ObjectNode container = (ObjectNode) mainContainer(deployment);
        assertTrue(container.has("readinessProbe"), "catalog-service has no readiness probe to remove");
        container.remove("readinessProbe");

        List<Problem> added = added(before, after, RenderedOverlays.CHECKS::containers);
        assertEquals(List.of(new Problem("probes", Manifests.id(deployment) + " container "
                + container.path("name").asText(), "no readinessProbe")), added);
    }

    @ParameterizedTest
    @MethodSource("bases")
    void anUnknownFieldIsReported(String base) {
        List<ObjectNode> before = objects(base);
        List<ObjectNode> after = Manifests.copy(before);
        ObjectNode deployment = deployment(after, "catalog-service");
        ObjectNode container = (ObjectNode) deployment.path("spec").path("template").path("spec").path("containers")
                .path(0);
        container.putObject("livenessProb").putObject("httpGet").put("path", "/health/liveness").put("port", 8080);

        List<Problem> added = added(before, after, RenderedOverlays.CHECKS::schema);
        assertEquals(List.of(new Problem("schema", Manifests.id(deployment),
                "unknown field spec.template.spec.containers[0].livenessProb")), added);
    }

    @ParameterizedTest
    @MethodSource("bases")
    void aMissingDeadLetterTopicIsReported(String base) {
        List<ObjectNode> before = objects(base);
        List<ObjectNode> after = new ArrayList<>(Manifests.copy(before));
        boolean removed = after.removeIf(object -> object.path("kind").asText().equals("KafkaTopic")
                && object.path("spec").path("topicName").asText(ManifestChecks.name(object))
                        .equals("careergraph.scores.dlt"));
        assertTrue(removed, "no KafkaTopic careergraph.scores.dlt to remove");

        List<Problem> added = added(before, after, objects -> RenderedOverlays.CHECKS.kafkaTopics(objects, true));
        assertEquals(1, added.size(), "added: " + added);
        assertEquals("kafka-topics", added.getFirst().rule());
        assertEquals("topic careergraph.scores.dlt", added.getFirst().object());
    }

    @ParameterizedTest
    @MethodSource("bases")
    void aSecretValueIsReported(String base) {
        List<ObjectNode> before = objects(base);
        List<ObjectNode> after = new ArrayList<>(Manifests.copy(before));
        // Our overlays render no Secret at all (they only reference them): add one as a careless edit would.
        ObjectNode secret = JsonNodeFactory.instance.objectNode();
        secret.put("apiVersion", "v1").put("kind", "Secret").putObject("metadata").put("name", "careergraph-jwt");
        secret.putObject("data").put("password", "c2VjcmV0");
        after.add(secret);

        List<Problem> added = added(before, after, RenderedOverlays.CHECKS::secretValues);
        assertEquals(List.of(new Problem("secret-values", Manifests.id(secret), "data has values in git: [password]")),
                added);
    }

    @Test
    void aSecretValueInAFileIsReported(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("secret.yaml"), """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: leaked
                stringData:
                  DB_PASSWORD: hunter2
                """);
        Files.writeString(dir.resolve("kustomization.yaml"), """
                secretGenerator:
                  - name: generated
                    literals: [JWT_SECRET=abc]
                """);
        List<Problem> problems = RenderedOverlays.CHECKS.secretValuesInFiles(dir);
        assertEquals(List.of(
                new Problem("secret-values", "kustomization.yaml: secretGenerator generated",
                        "generates a Secret from values kept in git"),
                new Problem("secret-values", "secret.yaml: Secret leaked", "stringData has values in git: [DB_PASSWORD]")),
                problems);
    }

    @ParameterizedTest
    @MethodSource("bases")
    void aMissingRequiredVariableIsReported(String base) {
        List<ObjectNode> before = objects(base);
        List<ObjectNode> after = Manifests.copy(before);
        // The first service whose container sets JWT_SECRET in env (not through envFrom).
        for (String service : CodeFacts.SERVICES) {
            Optional<ObjectNode> deployment = workload(after, service);
            if (deployment.isEmpty()) {
                continue;
            }
            JsonNode container = mainContainer(deployment.get());
            if (container.path("env") instanceof ArrayNode env && removeEnv(env, "JWT_SECRET")) {
                List<Problem> added = added(before, after, RenderedOverlays.CHECKS::environment);
                assertEquals(1, added.size(), "added: " + added);
                Problem problem = added.getFirst();
                assertEquals("environment", problem.rule());
                assertEquals(Manifests.id(deployment.get()) + " container " + container.path("name").asText(),
                        problem.object());
                assertTrue(problem.detail().startsWith("JWT_SECRET is not set"), problem.toString());
                return;
            }
        }
        throw new AssertionError(base + ": no service container sets JWT_SECRET in env to remove");
    }

    private static boolean removeEnv(ArrayNode env, String name) {
        if (env == null) {
            return false;
        }
        for (Iterator<JsonNode> entries = env.elements(); entries.hasNext(); ) {
            if (entries.next().path("name").asText().equals(name)) {
                entries.remove();
                return true;
            }
        }
        return false;
    }
}

package org.careergraph.deploy.kubernetes;

import static org.careergraph.deploy.kubernetes.ManifestChecks.mainContainer;
import static org.careergraph.deploy.kubernetes.ManifestChecks.ofKind;
import static org.careergraph.deploy.kubernetes.ManifestChecks.workload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    private static ObjectNode servingRoute(List<ObjectNode> objects) {
        List<ObjectNode> routes = ManifestChecks.servingRoutes(objects);
        assertEquals(1, routes.size(), "expected one HTTPRoute that sends to Services: " + routes);
        return routes.getFirst();
    }

    private static ObjectNode ratePolicy(List<ObjectNode> objects) {
        List<ObjectNode> policies = ofKind(objects, "BackendTrafficPolicy");
        assertEquals(1, policies.size(), "expected one BackendTrafficPolicy: " + policies);
        return policies.getFirst();
    }

    @ParameterizedTest
    @MethodSource("bases")
    void aPathMissingFromTheHttpRouteIsReported(String base) {
        List<ObjectNode> before = objects(base);
        List<ObjectNode> after = Manifests.copy(before);
        ObjectNode route = servingRoute(after);
        boolean removed = false;
        for (JsonNode rule : route.path("spec").path("rules")) {
            for (Iterator<JsonNode> matches = rule.path("matches").elements(); matches.hasNext(); ) {
                if (matches.next().path("path").path("value").asText().equals("/api/feeds")) {
                    matches.remove();
                    removed = true;
                }
            }
        }
        assertTrue(removed, "the HTTPRoute does not match /api/feeds");

        List<Problem> added = added(before, after, RenderedOverlays.CHECKS::httpRoutes);
        assertEquals(List.of(new Problem("http-routes", Manifests.id(route),
                "does not route /api/feeds (the local gateway sends it to notification-service)")), added);
    }

    @ParameterizedTest
    @MethodSource("bases")
    void aRouteToAGatewayNotInTheOverlayIsReported(String base) {
        List<ObjectNode> before = objects(base);
        List<ObjectNode> after = Manifests.copy(before);
        ObjectNode route = servingRoute(after);
        ((ObjectNode) route.path("spec").path("parentRefs").path(0)).put("name", "old-edge");

        List<Problem> added = added(before, after, RenderedOverlays.CHECKS::routeParents);
        assertEquals(1, added.size(), "added: " + added);
        assertEquals("route-parents", added.getFirst().rule());
        assertEquals(Manifests.id(route), added.getFirst().object());
        assertTrue(added.getFirst().detail().startsWith("parentRef names Gateway 'old-edge', which is not in this "
                + "overlay"), added.toString());
    }

    @ParameterizedTest
    @MethodSource("bases")
    void aPolicyTargetingARouteNotInTheOverlayIsReported(String base) {
        List<ObjectNode> before = objects(base);
        List<ObjectNode> after = Manifests.copy(before);
        ObjectNode policy = ratePolicy(after);
        ((ObjectNode) policy.path("spec").path("targetRefs").path(0)).put("name", "api");

        List<Problem> added = added(before, after, RenderedOverlays.CHECKS::policyTargets);
        assertEquals(1, added.size(), "added: " + added);
        assertEquals("policy-targets", added.getFirst().rule());
        assertEquals(Manifests.id(policy), added.getFirst().object());
        assertTrue(added.getFirst().detail().startsWith("targets HTTPRoute 'api', which is not in this overlay"),
                added.toString());
        // And the route it should have limited is now unlimited: the rate limit check says so too.
        assertFalse(added(before, after, RenderedOverlays.CHECKS::rateLimits).isEmpty());
    }

    @ParameterizedTest
    @MethodSource("bases")
    void writesWithoutAPerClientLimitAreReported(String base) {
        List<ObjectNode> before = objects(base);
        List<ObjectNode> after = Manifests.copy(before);
        ObjectNode route = servingRoute(after);
        // Drop the IPv6 limit on writes: an IPv6 client could then write as fast as it likes.
        ArrayNode rules = (ArrayNode) ratePolicy(after).path("spec").path("rateLimit").path("local").path("rules");
        boolean removed = false;
        for (Iterator<JsonNode> each = rules.elements(); each.hasNext(); ) {
            JsonNode condition = each.next().path("clientSelectors").path(0);
            if (condition.has("methods") && condition.path("sourceCIDR").path("value").asText().equals("::/0")) {
                each.remove();
                removed = true;
            }
        }
        assertTrue(removed, "no rule limits writes of IPv6 clients");

        List<Problem> added = added(before, after, RenderedOverlays.CHECKS::rateLimits);
        assertEquals(1, added.size(), "added: " + added);
        assertEquals("rate-limits", added.getFirst().rule());
        assertEquals(Manifests.id(route), added.getFirst().object());
        String detail = added.getFirst().detail();
        assertTrue(detail.startsWith("writes are not limited per IPv6 client address: POST, PUT, PATCH, DELETE on "),
                detail);
        // The web front's forms ("/") among them; not the subscription paths, whose own limit still covers writes.
        assertTrue(detail.endsWith(" /"), detail);
        assertFalse(detail.contains("/api/subscriptions"), detail);
    }

    @ParameterizedTest
    @MethodSource("bases")
    void aLimitSharedByEveryClientIsReported(String base) {
        List<ObjectNode> before = objects(base);
        List<ObjectNode> after = Manifests.copy(before);
        ObjectNode policy = ratePolicy(after);
        ArrayNode rules = (ArrayNode) policy.path("spec").path("rateLimit").path("local").path("rules");
        rules.addObject().putObject("limit").put("requests", 1000).put("unit", "Second");

        List<Problem> added = added(before, after, RenderedOverlays.CHECKS::rateLimits);
        assertEquals(List.of(new Problem("rate-limits", Manifests.id(policy), "rule " + (rules.size() - 1)
                + " limits every client together (no sourceCIDR or header of type Distinct): one client would use up "
                + "everyone's share")), added);
    }

    @ParameterizedTest
    @MethodSource("bases")
    void publicRoutesOverPlainHttpAreReported(String base) {
        List<ObjectNode> before = objects(base);
        List<ObjectNode> after = Manifests.copy(before);
        ObjectNode route = servingRoute(after);
        // Attached to the whole Gateway: its HTTP listener would serve the pages instead of redirecting.
        ObjectNode parent = (ObjectNode) route.path("spec").path("parentRefs").path(0);
        assertTrue(parent.has("sectionName"), "the HTTPRoute names no listener");
        parent.remove("sectionName");

        List<Problem> added = added(before, after, RenderedOverlays.CHECKS::productionEdge);
        assertEquals(1, added.size(), "added: " + added);
        assertEquals("prod-edge-tls", added.getFirst().rule());
        assertEquals(Manifests.id(route), added.getFirst().object());
        assertTrue(added.getFirst().detail().startsWith("is served over plain HTTP on listener http of Gateway "),
                added.toString());
    }

    @ParameterizedTest
    @MethodSource("bases")
    void anUnknownFieldOfTheEdgeIsReported(String base) {
        List<ObjectNode> before = objects(base);
        List<ObjectNode> after = Manifests.copy(before);
        ObjectNode route = servingRoute(after);
        ((ObjectNode) route.path("spec").path("rules").path(0)).putArray("backendRef");
        ObjectNode policy = ratePolicy(after);
        ((ObjectNode) policy.path("spec").path("rateLimit").path("local").path("rules").path(0)).put("limits", 1);

        List<Problem> added = added(before, after, RenderedOverlays.CHECKS::schema);
        assertEquals(2, added.size(), "added: " + added);
        assertTrue(added.contains(new Problem("schema", Manifests.id(route), "unknown field spec.rules[0].backendRef")),
                added.toString());
        Problem policyProblem = added.stream().filter(p -> p.object().equals(Manifests.id(policy))).findFirst()
                .orElseThrow(() -> new AssertionError("nothing about " + Manifests.id(policy) + ": " + added));
        assertTrue(policyProblem.detail().contains("spec.rateLimit.local.rules[0]")
                && policyProblem.detail().contains("limits"), policyProblem.toString());
    }

    @ParameterizedTest
    @MethodSource("bases")
    void anAlertOnAMeterNoServiceServesOrWithoutItsRunbookIsReported(String base) {
        List<ObjectNode> before = objects(base);
        List<ObjectNode> after = Manifests.copy(before);
        ObjectNode rule = ofKind(after, "PrometheusRule").getFirst();
        ObjectNode alert = (ObjectNode) rule.path("spec").path("groups").path(0).path("rules").path(0);
        alert.put("expr", "careergraph_outbox_age_seconds > 60");
        ((ObjectNode) alert.path("annotations")).put("runbook_url", "docs/operations.md#no-such-section");

        List<Problem> added = added(before, after, RenderedOverlays.CHECKS::monitoring);
        String where = Manifests.id(rule) + " " + alert.path("alert").asText();
        assertEquals(List.of(new Problem("prod-alerts", where, "no service serves the meter careergraph_outbox_age_seconds"),
                new Problem("prod-alerts", where, "runbook_url docs/operations.md#no-such-section is not a section of "
                        + "docs/operations.md")), added);
    }

    @ParameterizedTest
    @MethodSource("bases")
    void aDashboardPanelOnAMeterNoServiceServesIsReported(String base) {
        List<ObjectNode> before = objects(base);
        List<ObjectNode> after = Manifests.copy(before);
        ObjectNode dashboard = ofKind(after, "ConfigMap").stream()
                .filter(c -> c.path("metadata").path("labels").path("grafana_dashboard").asText().equals("1"))
                .findFirst().orElseThrow();
        ObjectNode data = (ObjectNode) dashboard.path("data");
        String file = data.fieldNames().next();
        data.put(file, data.path(file).asText().replace("careergraph_deliveries_total", "careergraph_delivered_total"));

        List<Problem> added = added(before, after, RenderedOverlays.CHECKS::monitoring);
        assertEquals(1, added.size(), added.toString());
        assertTrue(added.getFirst().detail().equals("no service serves the meter careergraph_delivered_total"),
                added.toString());
    }
}

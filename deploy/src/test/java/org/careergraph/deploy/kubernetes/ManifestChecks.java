package org.careergraph.deploy.kubernetes;

import static org.careergraph.deploy.kubernetes.Manifests.id;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The rules the Kubernetes deployment must keep, each a method that returns the problems it finds in a list of
 * rendered objects (empty: the rule holds). Positive and negative tests share them.
 */
final class ManifestChecks {

    /**
     * Third-party images exempt from some container rules, by image name (without registry and tag). Keep it short:
     * each entry is a reason to look at again.
     */
    static final Map<String, Set<String>> EXEMPTIONS = Map.of(
            // The official mysql image writes its socket and pid under /var/run/mysqld and /var/lib/mysql-files.
            "mysql", Set.of("read-only-root-filesystem"));

    /** Secrets allowed to carry values in git: none. */
    static final Set<String> SECRETS_WITH_VALUES = Set.of();

    private final Schemas schemas;

    ManifestChecks(Schemas schemas) {
        this.schemas = schemas;
    }

    ManifestChecks() {
        this(new Schemas());
    }

    /** Every rule that applies to an overlay; the production rules only when prod is true. */
    List<Problem> all(List<ObjectNode> objects, boolean prod) {
        List<Problem> problems = new ArrayList<>();
        problems.addAll(schema(objects));
        problems.addAll(containers(objects));
        problems.addAll(kafkaTopics(objects, prod));
        problems.addAll(environment(objects));
        problems.addAll(secretValues(objects));
        problems.addAll(services(objects));
        problems.addAll(ingress(objects));
        if (prod) {
            problems.addAll(production(objects));
        }
        return problems;
    }

    // ---------------------------------------------------------------------------------------------------- schema

    List<Problem> schema(List<ObjectNode> objects) {
        List<Problem> problems = new ArrayList<>();
        for (ObjectNode object : objects) {
            for (String problem : schemas.validate(object)) {
                problems.add(new Problem("schema", id(object), problem));
            }
        }
        return problems;
    }

    // ------------------------------------------------------------------------------------------------ containers

    /** Probes, resources and a locked-down security context for every container of every workload. */
    List<Problem> containers(List<ObjectNode> objects) {
        List<Problem> problems = new ArrayList<>();
        for (ObjectNode workload : workloads(objects)) {
            JsonNode pod = workload.path("spec").path("template").path("spec");
            boolean ours = CodeFacts.SERVICES.contains(name(workload));
            boolean podNonRoot = pod.path("securityContext").path("runAsNonRoot").asBoolean(false);
            for (String list : List.of("initContainers", "containers")) {
                for (JsonNode container : pod.path(list)) {
                    String where = id(workload) + " container " + container.path("name").asText("?");
                    Set<String> exempt = EXEMPTIONS.getOrDefault(imageName(container.path("image").asText("")), Set.of());
                    if (list.equals("containers")) {
                        problems.addAll(probes(where, container, ours));
                    }
                    for (String resource : List.of("cpu", "memory")) {
                        for (String bound : List.of("requests", "limits")) {
                            if (container.path("resources").path(bound).path(resource).asText("").isEmpty()) {
                                problems.add(new Problem("resources", where, "no resources." + bound + "." + resource));
                            }
                        }
                    }
                    JsonNode security = container.path("securityContext");
                    JsonNode nonRoot = security.path("runAsNonRoot");
                    if (!exempt.contains("run-as-non-root")
                            && !(nonRoot.isMissingNode() ? podNonRoot : nonRoot.asBoolean(false))) {
                        problems.add(new Problem("security-context", where,
                                "runAsNonRoot is not true (neither on the container nor on the pod)"));
                    }
                    if (!exempt.contains("read-only-root-filesystem")
                            && !security.path("readOnlyRootFilesystem").asBoolean(false)) {
                        problems.add(new Problem("security-context", where, "readOnlyRootFilesystem is not true"));
                    }
                    if (!security.path("allowPrivilegeEscalation").isBoolean()
                            || security.path("allowPrivilegeEscalation").asBoolean(true)) {
                        problems.add(new Problem("security-context", where, "allowPrivilegeEscalation is not false"));
                    }
                }
            }
        }
        return problems;
    }

    private static List<Problem> probes(String where, JsonNode container, boolean ours) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("livenessProbe", "/health/liveness");
        paths.put("readinessProbe", "/health/readiness");
        paths.put("startupProbe", null);
        paths.forEach((probe, path) -> {
            JsonNode node = container.path(probe);
            if (node.isMissingNode() || node.isNull() || node.isEmpty()) {
                problems.add(new Problem("probes", where, "no " + probe));
            } else if (ours && path != null && !path.equals(node.path("httpGet").path("path").asText(""))) {
                problems.add(new Problem("probes", where, probe + " is not an httpGet of " + path + " (is "
                        + node + ")"));
            }
        });
        return problems;
    }

    static String imageName(String image) {
        String name = image;
        int digest = name.indexOf('@');
        if (digest >= 0) {
            name = name.substring(0, digest);
        }
        int slash = name.lastIndexOf('/');
        int colon = name.lastIndexOf(':');
        if (colon > slash) {
            name = name.substring(0, colon);
        }
        return name.substring(slash + 1);
    }

    // ---------------------------------------------------------------------------------------------------- kafka

    /** Every topic the code uses has a KafkaTopic, of a Kafka cluster in the same output; in prod a durable one. */
    List<Problem> kafkaTopics(List<ObjectNode> objects, boolean prod) {
        List<Problem> problems = new ArrayList<>();
        Map<String, ObjectNode> topics = new LinkedHashMap<>();
        for (ObjectNode topic : ofKind(objects, "KafkaTopic")) {
            String name = topic.path("spec").path("topicName").asText(name(topic));
            topics.put(name, topic);
        }
        for (String topic : CodeFacts.topics()) {
            if (!topics.containsKey(topic)) {
                problems.add(new Problem("kafka-topics", "topic " + topic, "no KafkaTopic for topic " + topic
                        + " (used by the code: org.careergraph.events.Topics)"));
            }
        }
        Set<String> clusters = new LinkedHashSet<>();
        ofKind(objects, "Kafka").forEach(kafka -> clusters.add(name(kafka)));
        for (ObjectNode object : Stream.of("KafkaTopic", "KafkaUser", "KafkaNodePool")
                .flatMap(kind -> ofKind(objects, kind).stream()).toList()) {
            String cluster = object.path("metadata").path("labels").path("strimzi.io/cluster").asText("");
            if (!clusters.contains(cluster)) {
                problems.add(new Problem("kafka-cluster-label", id(object), "label strimzi.io/cluster '" + cluster
                        + "' names no Kafka in this overlay (Kafka: " + clusters + ")"));
            }
        }
        if (prod) {
            for (ObjectNode topic : topics.values()) {
                JsonNode spec = topic.path("spec");
                if (spec.path("replicas").asInt(0) != 3) {
                    problems.add(new Problem("kafka-topic-durability", id(topic), "replicas is "
                            + spec.path("replicas") + ", not 3"));
                }
                if (!"2".equals(spec.path("config").path("min.insync.replicas").asText(""))) {
                    problems.add(new Problem("kafka-topic-durability", id(topic), "config min.insync.replicas is "
                            + spec.path("config").path("min.insync.replicas") + ", not \"2\""));
                }
            }
        }
        return problems;
    }

    // ------------------------------------------------------------------------------------------------ environment

    /** Every variable a service's configuration needs is set in its container. */
    List<Problem> environment(List<ObjectNode> objects) {
        List<Problem> problems = new ArrayList<>();
        for (String service : CodeFacts.SERVICES) {
            Optional<ObjectNode> deployment = workload(objects, service);
            if (deployment.isEmpty()) {
                problems.add(new Problem("environment", "Deployment " + service, "no Deployment for " + service));
                continue;
            }
            JsonNode container = mainContainer(deployment.get());
            String where = id(deployment.get()) + " container " + container.path("name").asText("?");
            for (String variable : CodeFacts.requiredEnvironment(service)) {
                Optional<String> missing = whyUnset(variable, container, objects);
                missing.ifPresent(why -> problems.add(new Problem("environment", where, variable + " " + why)));
            }
        }
        return problems;
    }

    /** Empty when the variable is set; else why not. */
    private static Optional<String> whyUnset(String variable, JsonNode container, List<ObjectNode> objects) {
        for (JsonNode env : container.path("env")) {
            if (!variable.equals(env.path("name").asText())) {
                continue;
            }
            if (!env.path("value").asText("").isEmpty()) {
                return Optional.empty();
            }
            JsonNode from = env.path("valueFrom");
            JsonNode configMapKey = from.path("configMapKeyRef");
            if (!configMapKey.isMissingNode()) {
                String map = configMapKey.path("name").asText();
                String key = configMapKey.path("key").asText();
                return configMapHas(objects, map, key) ? Optional.empty()
                        : Optional.of("comes from ConfigMap " + map + " key " + key + ", which this overlay lacks");
            }
            if (!from.path("secretKeyRef").path("name").asText("").isEmpty()
                    || !from.path("fieldRef").isMissingNode() || !from.path("resourceFieldRef").isMissingNode()) {
                return Optional.empty();
            }
            return Optional.of("is in env but with no value and no valueFrom");
        }
        for (JsonNode source : container.path("envFrom")) {
            String prefix = source.path("prefix").asText("");
            if (!variable.startsWith(prefix)) {
                continue;
            }
            String key = variable.substring(prefix.length());
            if (source.has("configMapRef") && configMapHas(objects, source.path("configMapRef").path("name").asText(), key)) {
                return Optional.empty();
            }
            // The keys of a Secret are not in git (its values never are): a Secret reference is taken as providing it.
            if (source.has("secretRef")) {
                return Optional.empty();
            }
        }
        return Optional.of("is not set (no env entry, and no envFrom ConfigMap with that key or envFrom Secret)");
    }

    private static boolean configMapHas(List<ObjectNode> objects, String name, String key) {
        return ofKind(objects, "ConfigMap").stream()
                .filter(map -> name.equals(name(map)))
                .anyMatch(map -> map.path("data").has(key) || map.path("binaryData").has(key));
    }

    // ---------------------------------------------------------------------------------------------------- secrets

    /** No Secret in the rendered output carries a value. */
    List<Problem> secretValues(List<ObjectNode> objects) {
        return secretValues(objects, "");
    }

    /** No Secret in any YAML file under a folder (deploy/kubernetes) carries a value, nor a secretGenerator. */
    List<Problem> secretValuesInFiles(Path dir) {
        List<Problem> problems = new ArrayList<>();
        for (Path file : Manifests.yamlFiles(dir)) {
            List<ObjectNode> documents = Manifests.parse(file);
            String where = dir.relativize(file) + ": ";
            problems.addAll(secretValues(documents, where));
            for (ObjectNode document : documents) {
                for (JsonNode generator : document.path("secretGenerator")) {
                    if (generator.path("literals").size() > 0 || generator.path("files").size() > 0
                            || generator.path("envs").size() > 0 || generator.has("env")) {
                        problems.add(new Problem("secret-values", where + "secretGenerator "
                                + generator.path("name").asText("?"), "generates a Secret from values kept in git"));
                    }
                }
            }
        }
        return problems;
    }

    private static List<Problem> secretValues(List<ObjectNode> objects, String where) {
        List<Problem> problems = new ArrayList<>();
        for (ObjectNode secret : ofKind(objects, "Secret")) {
            if (SECRETS_WITH_VALUES.contains(name(secret))) {
                continue;
            }
            for (String field : List.of("data", "stringData")) {
                JsonNode values = secret.path(field);
                if (values.isObject() && !values.isEmpty()) {
                    List<String> keys = new ArrayList<>();
                    values.fieldNames().forEachRemaining(keys::add);
                    problems.add(new Problem("secret-values", where + id(secret), field + " has values in git: "
                            + keys));
                }
            }
        }
        return problems;
    }

    // --------------------------------------------------------------------------------------------------- services

    /** Every Deployment is selected by a Service. */
    List<Problem> services(List<ObjectNode> objects) {
        List<Problem> problems = new ArrayList<>();
        for (ObjectNode deployment : ofKind(objects, "Deployment")) {
            JsonNode labels = podLabels(deployment);
            boolean served = ofKind(objects, "Service").stream()
                    .anyMatch(service -> selects(service.path("spec").path("selector"), labels));
            if (!served) {
                problems.add(new Problem("service-per-deployment", id(deployment),
                        "no Service selects its pods (labels " + labels + ")"));
            }
        }
        return problems;
    }

    /** The Ingress routes exactly the local gateway's public paths, each to the Service of the right Deployment. */
    List<Problem> ingress(List<ObjectNode> objects) {
        List<Problem> problems = new ArrayList<>();
        List<ObjectNode> ingresses = ofKind(objects, "Ingress");
        if (ingresses.isEmpty()) {
            return List.of(new Problem("ingress-routes", "Ingress", "no Ingress"));
        }
        Map<String, String> expected = CodeFacts.publicRoutes();
        Map<String, List<String>> routed = new LinkedHashMap<>();
        for (ObjectNode ingress : ingresses) {
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    String prefix = path.path("path").asText("/");
                    String service = path.path("backend").path("service").path("name").asText("");
                    routed.computeIfAbsent(prefix, p -> new ArrayList<>()).add(service);
                    if (!"Prefix".equals(path.path("pathType").asText())) {
                        problems.add(new Problem("ingress-routes", id(ingress), "path " + prefix + " has pathType "
                                + path.path("pathType").asText("<none>") + ", not Prefix"));
                    }
                    problems.addAll(backendServes(objects, ingress, prefix, path.path("backend").path("service")));
                }
            }
        }
        String ingressId = ingresses.size() == 1 ? id(ingresses.getFirst()) : "Ingress";
        expected.forEach((prefix, module) -> {
            List<String> services = routed.getOrDefault(prefix, List.of());
            if (services.isEmpty()) {
                problems.add(new Problem("ingress-routes", ingressId, "does not route " + prefix + " (the local "
                        + "gateway sends it to " + module + ")"));
                return;
            }
            for (String service : services) {
                Optional<ObjectNode> target = workload(objects, module);
                ObjectNode serviceObject = named(objects, "Service", service).orElse(null);
                if (target.isEmpty() || serviceObject == null
                        || !selects(serviceObject.path("spec").path("selector"), podLabels(target.get()))) {
                    problems.add(new Problem("ingress-routes", ingressId, "routes " + prefix + " to Service " + service
                            + ", which does not select the pods of " + module + " (the local gateway's owner)"));
                }
            }
        });
        for (String prefix : routed.keySet()) {
            if (!expected.containsKey(prefix)) {
                problems.add(new Problem("ingress-routes", ingressId, "routes " + prefix + ", which the local "
                        + "gateway does not route (Routes: " + expected.keySet() + ")"));
            }
        }
        return problems;
    }

    private static List<Problem> backendServes(List<ObjectNode> objects, ObjectNode ingress, String prefix,
            JsonNode backend) {
        String name = backend.path("name").asText("");
        Optional<ObjectNode> service = named(objects, "Service", name);
        if (service.isEmpty()) {
            return List.of(new Problem("ingress-routes", id(ingress), "path " + prefix + " goes to Service '" + name
                    + "', which is not in this overlay"));
        }
        JsonNode port = backend.path("port");
        for (JsonNode servicePort : service.get().path("spec").path("ports")) {
            if ((port.has("number") && port.path("number").asInt() == servicePort.path("port").asInt())
                    || (port.has("name") && port.path("name").asText().equals(servicePort.path("name").asText()))) {
                return List.of();
            }
        }
        return List.of(new Problem("ingress-routes", id(ingress), "path " + prefix + " goes to port " + port
                + " of Service " + name + ", which has no such port"));
    }

    // ------------------------------------------------------------------------------------------------- production

    /** Prod: each service runs twice or more, spread, guarded by a PodDisruptionBudget and a NetworkPolicy. */
    List<Problem> production(List<ObjectNode> objects) {
        List<Problem> problems = new ArrayList<>();
        for (String module : CodeFacts.SERVICES) {
            Optional<ObjectNode> found = workload(objects, module);
            if (found.isEmpty()) {
                problems.add(new Problem("prod-replicas", "Deployment " + module, "no Deployment for " + module));
                continue;
            }
            ObjectNode deployment = found.get();
            JsonNode labels = podLabels(deployment);
            int replicas = deployment.path("spec").path("replicas").asInt(1);
            Optional<ObjectNode> hpa = ofKind(objects, "HorizontalPodAutoscaler").stream()
                    .filter(h -> h.path("spec").path("scaleTargetRef").path("kind").asText().equals("Deployment")
                            && h.path("spec").path("scaleTargetRef").path("name").asText().equals(name(deployment)))
                    .findFirst();
            int minimum = hpa.map(h -> h.path("spec").path("minReplicas").asInt(1)).orElse(replicas);
            if (minimum < 2) {
                problems.add(new Problem("prod-replicas", id(deployment), hpa.isPresent()
                        ? "HorizontalPodAutoscaler " + name(hpa.get()) + " has minReplicas " + minimum + ", not >= 2"
                        : "replicas " + replicas + " and no HorizontalPodAutoscaler: not >= 2"));
            }
            boolean budget = ofKind(objects, "PodDisruptionBudget").stream()
                    .anyMatch(pdb -> matches(pdb.path("spec").path("selector"), labels));
            if (!budget) {
                problems.add(new Problem("prod-disruption-budget", id(deployment), "no PodDisruptionBudget selects it"));
            }
            if (deployment.path("spec").path("template").path("spec").path("topologySpreadConstraints").isEmpty()) {
                problems.add(new Problem("prod-topology-spread", id(deployment), "no topologySpreadConstraints"));
            }
            boolean policy = ofKind(objects, "NetworkPolicy").stream()
                    .map(np -> np.path("spec").path("podSelector"))
                    .anyMatch(selector -> !isEmptySelector(selector) && matches(selector, labels));
            if (!policy) {
                problems.add(new Problem("prod-network-policy", id(deployment),
                        "no NetworkPolicy selects it by its labels"));
            }
        }
        boolean defaultDeny = ofKind(objects, "NetworkPolicy").stream().anyMatch(np -> {
            JsonNode spec = np.path("spec");
            boolean ingressDenied = false;
            for (JsonNode type : spec.path("policyTypes")) {
                ingressDenied |= type.asText().equals("Ingress");
            }
            return isEmptySelector(spec.path("podSelector")) && ingressDenied && spec.path("ingress").isEmpty();
        });
        if (!defaultDeny) {
            problems.add(new Problem("prod-default-deny", "NetworkPolicy", "no default-deny NetworkPolicy (podSelector "
                    + "{}, policyTypes with Ingress, no ingress rules)"));
        }
        return problems;
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    static List<ObjectNode> ofKind(List<ObjectNode> objects, String kind) {
        return objects.stream().filter(object -> kind.equals(object.path("kind").asText())).toList();
    }

    static Optional<ObjectNode> named(List<ObjectNode> objects, String kind, String name) {
        return ofKind(objects, kind).stream().filter(object -> name.equals(name(object))).findFirst();
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText("");
    }

    static List<ObjectNode> workloads(List<ObjectNode> objects) {
        return objects.stream().filter(object -> Set.of("Deployment", "StatefulSet", "DaemonSet")
                .contains(object.path("kind").asText())).toList();
    }

    /** The Deployment of a service: named like its module, or labelled so (app.kubernetes.io/name or app). */
    static Optional<ObjectNode> workload(List<ObjectNode> objects, String module) {
        List<ObjectNode> deployments = ofKind(objects, "Deployment");
        return deployments.stream().filter(d -> module.equals(name(d))).findFirst()
                .or(() -> deployments.stream().filter(d -> {
                    JsonNode labels = d.path("metadata").path("labels");
                    return module.equals(labels.path("app.kubernetes.io/name").asText())
                            || module.equals(labels.path("app").asText());
                }).findFirst());
    }

    /** The container named like its Deployment, else the first. */
    static JsonNode mainContainer(JsonNode deployment) {
        JsonNode containers = deployment.path("spec").path("template").path("spec").path("containers");
        for (JsonNode container : containers) {
            if (container.path("name").asText().equals(name(deployment))) {
                return container;
            }
        }
        return containers.path(0);
    }

    static JsonNode podLabels(JsonNode workload) {
        return workload.path("spec").path("template").path("metadata").path("labels");
    }

    /** A Service's selector (a plain map) selects pods with these labels. */
    private static boolean selects(JsonNode selector, JsonNode labels) {
        if (!selector.isObject() || selector.isEmpty()) {
            return false;
        }
        for (var entry : selector.properties()) {
            if (!entry.getValue().asText().equals(labels.path(entry.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isEmptySelector(JsonNode selector) {
        return selector.path("matchLabels").isEmpty() && selector.path("matchExpressions").isEmpty();
    }

    /** A LabelSelector (matchLabels and matchExpressions) matches these labels. */
    static boolean matches(JsonNode selector, JsonNode labels) {
        if (selector.isMissingNode() || selector.isNull()) {
            return false;
        }
        for (var entry : selector.path("matchLabels").properties()) {
            if (!entry.getValue().asText().equals(labels.path(entry.getKey()).asText(null))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String key = expression.path("key").asText();
            Set<String> values = new LinkedHashSet<>();
            expression.path("values").forEach(value -> values.add(value.asText()));
            boolean has = labels.has(key);
            String value = labels.path(key).asText(null);
            boolean ok = switch (expression.path("operator").asText()) {
                case "In" -> has && values.contains(value);
                case "NotIn" -> !has || !values.contains(value);
                case "Exists" -> has;
                case "DoesNotExist" -> !has;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}

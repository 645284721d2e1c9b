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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        problems.addAll(httpRoutes(objects));
        problems.addAll(routeParents(objects));
        problems.addAll(policyTargets(objects));
        problems.addAll(rateLimits(objects));
        if (prod) {
            problems.addAll(production(objects));
            problems.addAll(productionEdge(objects));
            problems.addAll(monitoring(objects));
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

    // ------------------------------------------------------------------------------------------------------- edge

    static final String GATEWAY_API = "gateway.networking.k8s.io";
    /** Requests that change something: each limited per client at the edge, on every public path. */
    static final List<String> WRITE_METHODS = List.of("POST", "PUT", "PATCH", "DELETE");
    /** The subscription paths: every method limited per client at the edge (creations, confirmations, tokens). */
    static final String SUBSCRIPTIONS = "/api/subscriptions";
    static final List<String> ALL_METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    /** The CIDR of every client of one address family, as a rate limit's sourceCIDR names it. */
    static final Map<String, String> EVERY_CLIENT = Map.of("IPv4", "0.0.0.0/0", "IPv6", "::/0");

    /**
     * The HTTPRoutes that send to Services route exactly the local gateway's public paths, each as a PathPrefix for
     * every request under it, to the Service of the right Deployment (a route that only redirects is not one of them).
     * No Ingress is left beside them.
     */
    List<Problem> httpRoutes(List<ObjectNode> objects) {
        List<Problem> problems = new ArrayList<>();
        for (ObjectNode ingress : ofKind(objects, "Ingress")) {
            problems.add(new Problem("http-routes", id(ingress), "the edge is Gateway API's HTTPRoute now (ingress-nginx "
                    + "is retired): no Ingress"));
        }
        List<ObjectNode> routes = servingRoutes(objects);
        if (routes.isEmpty()) {
            return List.of(new Problem("http-routes", "HTTPRoute", "no HTTPRoute sends requests to a Service"));
        }
        Map<String, List<String>> routed = new LinkedHashMap<>();
        for (ObjectNode route : routes) {
            int index = 0;
            for (JsonNode rule : route.path("spec").path("rules")) {
                String where = "rule " + index++;
                JsonNode backends = rule.path("backendRefs");
                if (backends.isEmpty()) {
                    if (!redirects(rule)) {
                        problems.add(new Problem("http-routes", id(route), where + " sends to no backend (Gateway API "
                                + "answers 500)"));
                    }
                    continue;
                }
                if (backends.size() != 1) {
                    problems.add(new Problem("http-routes", id(route), where + " sends to " + backends.size()
                            + " backends, not to one Service"));
                }
                JsonNode backend = backends.path(0);
                for (JsonNode match : matches(rule)) {
                    String type = match.path("path").path("type").asText("PathPrefix");
                    String prefix = match.path("path").path("value").asText("/");
                    if (!"PathPrefix".equals(type)) {
                        problems.add(new Problem("http-routes", id(route), where + " matches " + prefix + " as "
                                + type + ", not PathPrefix"));
                    }
                    List<String> narrowing = new ArrayList<>();
                    for (String field : List.of("method", "headers", "queryParams")) {
                        if (match.has(field)) {
                            narrowing.add(field);
                        }
                    }
                    if (!narrowing.isEmpty()) {
                        problems.add(new Problem("http-routes", id(route), where + " routes " + prefix + " only by "
                                + narrowing + " (the local gateway routes every request under it)"));
                    }
                    routed.computeIfAbsent(prefix, p -> new ArrayList<>()).add(backend.path("name").asText(""));
                    problems.addAll(backendServes(objects, route, prefix, backend));
                }
            }
        }
        String routeId = routes.size() == 1 ? id(routes.getFirst()) : "HTTPRoute";
        CodeFacts.publicRoutes().forEach((prefix, module) -> {
            List<String> services = routed.getOrDefault(prefix, List.of());
            if (services.isEmpty()) {
                problems.add(new Problem("http-routes", routeId, "does not route " + prefix + " (the local gateway "
                        + "sends it to " + module + ")"));
                return;
            }
            if (services.size() > 1) {
                problems.add(new Problem("http-routes", routeId, "routes " + prefix + " " + services.size()
                        + " times (to " + services + ")"));
            }
            for (String service : services) {
                Optional<ObjectNode> target = workload(objects, module);
                ObjectNode serviceObject = named(objects, "Service", service).orElse(null);
                if (target.isEmpty() || serviceObject == null
                        || !selects(serviceObject.path("spec").path("selector"), podLabels(target.get()))) {
                    problems.add(new Problem("http-routes", routeId, "routes " + prefix + " to Service " + service
                            + ", which does not select the pods of " + module + " (the local gateway's owner)"));
                }
            }
        });
        for (String prefix : routed.keySet()) {
            if (!CodeFacts.publicRoutes().containsKey(prefix)) {
                problems.add(new Problem("http-routes", routeId, "routes " + prefix + ", which the local gateway does "
                        + "not route (Routes: " + CodeFacts.publicRoutes().keySet() + ")"));
            }
        }
        return problems;
    }

    /** A backendRef is a Service of this overlay (kind Service of the core group, the default) and one of its ports. */
    private static List<Problem> backendServes(List<ObjectNode> objects, ObjectNode route, String prefix,
            JsonNode backend) {
        String name = backend.path("name").asText("");
        String kind = backend.path("kind").asText("Service");
        String group = backend.path("group").asText("");
        if (!"Service".equals(kind) || !group.isEmpty()) {
            return List.of(new Problem("http-routes", id(route), "path " + prefix + " goes to " + kind + " '" + name
                    + "' of group '" + group + "', not to a Service"));
        }
        Optional<ObjectNode> service = named(objects, "Service", name);
        if (service.isEmpty()) {
            return List.of(new Problem("http-routes", id(route), "path " + prefix + " goes to Service '" + name
                    + "', which is not in this overlay"));
        }
        for (JsonNode servicePort : service.get().path("spec").path("ports")) {
            if (backend.path("port").asInt(-1) == servicePort.path("port").asInt()) {
                return List.of();
            }
        }
        return List.of(new Problem("http-routes", id(route), "path " + prefix + " goes to port "
                + backend.path("port").asText("<none>") + " of Service " + name + ", which has no such port"));
    }

    /**
     * Every HTTPRoute attaches to a Gateway of this overlay: each parentRef names one that is here, a listener it has,
     * and the route's host names fit that listener's.
     */
    List<Problem> routeParents(List<ObjectNode> objects) {
        List<Problem> problems = new ArrayList<>();
        List<String> gateways = ofKind(objects, "Gateway").stream().map(ManifestChecks::name).toList();
        for (ObjectNode route : ofKind(objects, "HTTPRoute")) {
            JsonNode parents = route.path("spec").path("parentRefs");
            if (parents.isEmpty()) {
                problems.add(new Problem("route-parents", id(route), "has no parentRefs: no Gateway serves it"));
            }
            for (JsonNode parent : parents) {
                String name = parent.path("name").asText("");
                String kind = parent.path("kind").asText("Gateway");
                String group = parent.path("group").asText(GATEWAY_API);
                if (!"Gateway".equals(kind) || !GATEWAY_API.equals(group)) {
                    problems.add(new Problem("route-parents", id(route), "parentRef " + name + " is a " + kind + " of "
                            + group + ", not a Gateway"));
                    continue;
                }
                String namespace = parent.path("namespace").asText("");
                if (!namespace.isEmpty() && !namespace.equals(route.path("metadata").path("namespace").asText(""))) {
                    problems.add(new Problem("route-parents", id(route), "parentRef names a Gateway in namespace "
                            + namespace + ", outside this overlay"));
                    continue;
                }
                Optional<ObjectNode> gateway = named(objects, "Gateway", name);
                if (gateway.isEmpty()) {
                    problems.add(new Problem("route-parents", id(route), "parentRef names Gateway '" + name
                            + "', which is not in this overlay (Gateways: " + gateways + ")"));
                    continue;
                }
                List<JsonNode> listeners = listeners(gateway.get(), parent);
                if (listeners.isEmpty()) {
                    problems.add(new Problem("route-parents", id(route), "parentRef names listener '"
                            + parent.path("sectionName").asText() + "' of Gateway " + name + ", which has no such "
                            + "listener (listeners: " + listenerNames(gateway.get()) + ")"));
                }
                for (JsonNode listener : listeners) {
                    String hostname = listener.path("hostname").asText("");
                    JsonNode hostnames = route.path("spec").path("hostnames");
                    boolean fits = hostname.isEmpty() || hostnames.isEmpty();
                    for (JsonNode routeHost : hostnames) {
                        fits |= hostMatches(hostname, routeHost.asText());
                    }
                    if (!fits) {
                        problems.add(new Problem("route-parents", id(route), "takes none of the host names of "
                                + "listener " + listener.path("name").asText() + " of Gateway " + name + " ("
                                + hostname + "; the route's: " + hostnames + ")"));
                    }
                }
            }
        }
        return problems;
    }

    /** Every BackendTrafficPolicy targets Gateways or HTTPRoutes of this overlay (and rules or listeners they have). */
    List<Problem> policyTargets(List<ObjectNode> objects) {
        List<Problem> problems = new ArrayList<>();
        for (ObjectNode policy : ofKind(objects, "BackendTrafficPolicy")) {
            List<JsonNode> targets = targets(policy);
            if (targets.isEmpty() && policy.path("spec").path("targetSelectors").isEmpty()) {
                problems.add(new Problem("policy-targets", id(policy), "targets nothing"));
            }
            for (JsonNode target : targets) {
                String kind = target.path("kind").asText("");
                String name = target.path("name").asText("");
                if (!GATEWAY_API.equals(target.path("group").asText(""))) {
                    problems.add(new Problem("policy-targets", id(policy), "targets " + kind + " '" + name
                            + "' of group '" + target.path("group").asText("") + "', not of " + GATEWAY_API));
                    continue;
                }
                Optional<ObjectNode> object = named(objects, kind, name);
                if (object.isEmpty()) {
                    problems.add(new Problem("policy-targets", id(policy), "targets " + kind + " '" + name
                            + "', which is not in this overlay (" + kind + "s: " + ofKind(objects, kind).stream()
                            .map(ManifestChecks::name).toList() + ")"));
                    continue;
                }
                String section = target.path("sectionName").asText("");
                if (!section.isEmpty()) {
                    JsonNode sections = kind.equals("Gateway") ? object.get().path("spec").path("listeners")
                            : object.get().path("spec").path("rules");
                    boolean found = false;
                    for (JsonNode candidate : sections) {
                        found |= section.equals(candidate.path("name").asText());
                    }
                    if (!found) {
                        problems.add(new Problem("policy-targets", id(policy), "targets section '" + section + "' of "
                                + kind + " " + name + ", which has no " + (kind.equals("Gateway") ? "listener"
                                : "rule") + " of that name"));
                    }
                }
            }
        }
        return problems;
    }

    /**
     * Every write (POST, PUT, PATCH, DELETE) to a public path, and every request to the subscription paths, is limited
     * per client address, IPv4 and IPv6 alike, by a rate limit rule (sourceCIDR of type Distinct over every address of
     * the family) of a BackendTrafficPolicy on the HTTPRoute that routes it. No rule limits every client together: one
     * client would use up everyone's share.
     */
    List<Problem> rateLimits(List<ObjectNode> objects) {
        List<Problem> problems = new ArrayList<>();
        for (ObjectNode policy : ofKind(objects, "BackendTrafficPolicy")) {
            int index = 0;
            for (JsonNode rule : rateLimitRules(policy)) {
                if (sharedByEveryone(rule)) {
                    problems.add(new Problem("rate-limits", id(policy), "rule " + index + " limits every client "
                            + "together (no sourceCIDR or header of type Distinct): one client would use up everyone's "
                            + "share"));
                }
                index++;
            }
        }
        for (ObjectNode route : servingRoutes(objects)) {
            List<JsonNode> rules = new ArrayList<>();
            for (ObjectNode policy : ofKind(objects, "BackendTrafficPolicy")) {
                boolean targetsRoute = targets(policy).stream().anyMatch(target -> "HTTPRoute".equals(
                        target.path("kind").asText()) && name(route).equals(target.path("name").asText()));
                if (targetsRoute) {
                    rules.addAll(rateLimitRules(policy));
                }
            }
            List<String> prefixes = new ArrayList<>();
            for (JsonNode rule : route.path("spec").path("rules")) {
                if (!rule.path("backendRefs").isEmpty()) {
                    matches(rule).forEach(match -> prefixes.add(match.path("path").path("value").asText("/")));
                }
            }
            for (String family : List.of("IPv4", "IPv6")) {
                Map<List<String>, List<String>> writes = new LinkedHashMap<>();
                for (String prefix : prefixes) {
                    List<String> missing = WRITE_METHODS.stream()
                            .filter(method -> !limitedPerClient(rules, method, prefix, family)).toList();
                    if (!missing.isEmpty()) {
                        writes.computeIfAbsent(missing, m -> new ArrayList<>()).add(prefix);
                    }
                }
                if (!writes.isEmpty()) {
                    List<String> groups = new ArrayList<>();
                    writes.forEach((methods, paths) -> groups.add(String.join(", ", methods) + " on "
                            + String.join(", ", paths)));
                    problems.add(new Problem("rate-limits", id(route), "writes are not limited per " + family
                            + " client address: " + String.join("; ", groups)));
                }
                if (prefixes.contains(SUBSCRIPTIONS)) {
                    List<String> missing = ALL_METHODS.stream()
                            .filter(method -> !limitedPerClient(rules, method, SUBSCRIPTIONS, family)).toList();
                    if (!missing.isEmpty()) {
                        problems.add(new Problem("rate-limits", id(route), "requests to " + SUBSCRIPTIONS + " are not "
                                + "limited per " + family + " client address: " + String.join(", ", missing)));
                    }
                }
            }
        }
        return problems;
    }

    /** A rule of these limits a request of this method under this path prefix, one bucket per client address. */
    private static boolean limitedPerClient(List<JsonNode> rules, String method, String prefix, String family) {
        for (JsonNode rule : rules) {
            JsonNode selectors = rule.path("clientSelectors");
            boolean applies = !selectors.isEmpty() && rule.path("limit").path("requests").asLong(0) > 0;
            boolean perClient = false;
            for (JsonNode condition : selectors) {
                applies &= condition.path("headers").isEmpty();
                if (condition.has("methods")) {
                    boolean any = false;
                    for (JsonNode entry : condition.path("methods")) {
                        any |= method.equals(entry.path("value").asText()) != entry.path("invert").asBoolean(false);
                    }
                    applies &= any;
                }
                if (condition.has("path")) {
                    JsonNode path = condition.path("path");
                    applies &= "PathPrefix".equals(path.path("type").asText("PathPrefix"))
                            && !path.path("invert").asBoolean(false) && isUnder(prefix, path.path("value").asText("/"));
                }
                if (condition.has("sourceCIDR")) {
                    JsonNode cidr = condition.path("sourceCIDR");
                    boolean everyClient = EVERY_CLIENT.get(family).equals(cidr.path("value").asText());
                    applies &= everyClient;
                    perClient |= everyClient && "Distinct".equals(cidr.path("type").asText("Exact"));
                }
            }
            if (applies && perClient) {
                return true;
            }
        }
        return false;
    }

    /**
     * One bucket for every client: no sourceCIDR or header of type Distinct, and no sourceCIDR that picks out some
     * addresses (an Exact one of a part of the address space is a deliberate limit on that part).
     */
    private static boolean sharedByEveryone(JsonNode rule) {
        for (JsonNode condition : rule.path("clientSelectors")) {
            JsonNode cidr = condition.path("sourceCIDR");
            if ("Distinct".equals(cidr.path("type").asText("Exact"))
                    || (cidr.has("value") && !EVERY_CLIENT.containsValue(cidr.path("value").asText()))) {
                return false;
            }
            for (JsonNode header : condition.path("headers")) {
                if ("Distinct".equals(header.path("type").asText("Exact"))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Prod: the public routes are served over HTTPS only, with HSTS; plain HTTP only redirects to HTTPS. */
    List<Problem> productionEdge(List<ObjectNode> objects) {
        List<Problem> problems = new ArrayList<>();
        Set<String> servingGateways = new LinkedHashSet<>();
        for (ObjectNode route : servingRoutes(objects)) {
            boolean https = false;
            for (JsonNode parent : route.path("spec").path("parentRefs")) {
                Optional<ObjectNode> gateway = named(objects, "Gateway", parent.path("name").asText(""));
                if (gateway.isEmpty()) {
                    continue;
                }
                servingGateways.add(name(gateway.get()));
                for (JsonNode listener : listeners(gateway.get(), parent)) {
                    if ("HTTPS".equals(listener.path("protocol").asText())) {
                        https = true;
                    } else {
                        problems.add(new Problem("prod-edge-tls", id(route), "is served over plain "
                                + listener.path("protocol").asText() + " on listener " + listener.path("name").asText()
                                + " of Gateway " + name(gateway.get()) + " (attach it to the HTTPS listener by "
                                + "sectionName; the HTTP one only redirects)"));
                    }
                }
            }
            if (!https) {
                problems.add(new Problem("prod-edge-tls", id(route), "is served on no HTTPS listener"));
            }
            int index = 0;
            for (JsonNode rule : route.path("spec").path("rules")) {
                if (!rule.path("backendRefs").isEmpty() && !setsHsts(rule)) {
                    problems.add(new Problem("prod-edge-tls", id(route), "rule " + index + " does not set "
                            + "Strict-Transport-Security on its answers (a ResponseHeaderModifier)"));
                }
                index++;
            }
        }
        for (String gatewayName : servingGateways) {
            ObjectNode gateway = named(objects, "Gateway", gatewayName).orElseThrow();
            for (JsonNode listener : gateway.path("spec").path("listeners")) {
                String listenerName = listener.path("name").asText();
                if ("HTTPS".equals(listener.path("protocol").asText())) {
                    JsonNode tls = listener.path("tls");
                    if (!"Terminate".equals(tls.path("mode").asText("Terminate"))
                            || tls.path("certificateRefs").isEmpty()) {
                        problems.add(new Problem("prod-edge-tls", id(gateway), "listener " + listenerName + " does "
                                + "not terminate TLS with a certificate (tls.certificateRefs)"));
                    }
                    continue;
                }
                boolean redirected = ofKind(objects, "HTTPRoute").stream().anyMatch(route -> {
                    boolean attached = false;
                    for (JsonNode parent : route.path("spec").path("parentRefs")) {
                        attached |= gatewayName.equals(parent.path("name").asText())
                                && listeners(gateway, parent).stream().anyMatch(l -> listenerName.equals(
                                        l.path("name").asText()));
                    }
                    JsonNode rules = route.path("spec").path("rules");
                    boolean allRedirect = !rules.isEmpty();
                    for (JsonNode rule : rules) {
                        allRedirect &= redirectsToHttps(rule) && rule.path("backendRefs").isEmpty();
                    }
                    return attached && allRedirect;
                });
                if (!redirected) {
                    problems.add(new Problem("prod-edge-tls", id(gateway), "listener " + listenerName + " ("
                            + listener.path("protocol").asText() + ") has no route that redirects it to https"));
                }
            }
        }
        return problems;
    }

    /** HTTPRoutes with at least one backendRef: the ones that serve the public paths (not the redirects). */
    static List<ObjectNode> servingRoutes(List<ObjectNode> objects) {
        return ofKind(objects, "HTTPRoute").stream().filter(route -> {
            for (JsonNode rule : route.path("spec").path("rules")) {
                if (!rule.path("backendRefs").isEmpty()) {
                    return true;
                }
            }
            return false;
        }).toList();
    }

    /** A rule's matches; none is Gateway API's default, one PathPrefix "/". */
    private static List<JsonNode> matches(JsonNode rule) {
        List<JsonNode> matches = new ArrayList<>();
        rule.path("matches").forEach(matches::add);
        if (matches.isEmpty()) {
            matches.add(Manifests.YAML.createObjectNode());
        }
        return matches;
    }

    /** The listeners of a Gateway a parentRef attaches to: the one it names by sectionName, else every one. */
    private static List<JsonNode> listeners(JsonNode gateway, JsonNode parent) {
        String section = parent.path("sectionName").asText("");
        List<JsonNode> listeners = new ArrayList<>();
        for (JsonNode listener : gateway.path("spec").path("listeners")) {
            if (section.isEmpty() || section.equals(listener.path("name").asText())) {
                listeners.add(listener);
            }
        }
        return listeners;
    }

    private static List<String> listenerNames(JsonNode gateway) {
        List<String> names = new ArrayList<>();
        gateway.path("spec").path("listeners").forEach(listener -> names.add(listener.path("name").asText()));
        return names;
    }

    /** A route host name a listener takes: the same, or under the listener's wildcard (*.example.org). */
    private static boolean hostMatches(String listener, String route) {
        if (listener.startsWith("*.")) {
            return route.endsWith(listener.substring(1)) || route.equals(listener);
        }
        return listener.equals(route) || (route.startsWith("*.") && listener.endsWith(route.substring(1)));
    }

    /** A policy's targets: targetRefs, and the deprecated single targetRef. */
    private static List<JsonNode> targets(JsonNode policy) {
        List<JsonNode> targets = new ArrayList<>();
        policy.path("spec").path("targetRefs").forEach(targets::add);
        if (policy.path("spec").has("targetRef")) {
            targets.add(policy.path("spec").path("targetRef"));
        }
        return targets;
    }

    /** A policy's rate limit rules, local and global. */
    private static List<JsonNode> rateLimitRules(JsonNode policy) {
        List<JsonNode> rules = new ArrayList<>();
        for (String scope : List.of("local", "global")) {
            policy.path("spec").path("rateLimit").path(scope).path("rules").forEach(rules::add);
        }
        return rules;
    }

    private static boolean redirects(JsonNode rule) {
        for (JsonNode filter : rule.path("filters")) {
            if ("RequestRedirect".equals(filter.path("type").asText())) {
                return true;
            }
        }
        return false;
    }

    private static boolean redirectsToHttps(JsonNode rule) {
        for (JsonNode filter : rule.path("filters")) {
            if ("RequestRedirect".equals(filter.path("type").asText())
                    && "https".equals(filter.path("requestRedirect").path("scheme").asText())) {
                return true;
            }
        }
        return false;
    }

    private static boolean setsHsts(JsonNode rule) {
        for (JsonNode filter : rule.path("filters")) {
            JsonNode modifier = filter.path("responseHeaderModifier");
            for (String operation : List.of("set", "add")) {
                for (JsonNode header : modifier.path(operation)) {
                    if ("Strict-Transport-Security".equalsIgnoreCase(header.path("name").asText())
                            && header.path("value").asText().startsWith("max-age=")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whole path segments, as the local gateway and Gateway API's PathPrefix match: /a/b is under /a, /ab is not. */
    private static boolean isUnder(String path, String prefix) {
        String base = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return base.isEmpty() || path.equals(base) || path.startsWith(base + "/");
    }

    // ------------------------------------------------------------------------------------------------ monitoring

    /**
     * The meters the services serve at /prometheus under these names (the platform's and services' meters, their
     * names checked by PlatformGaugesIT, ConsumerLagIT and WebhookDeliveryIT; Micronaut's HTTP server and JVM
     * meters). An alert or a dashboard panel on any other name of ours or theirs would stay silent forever.
     */
    static final Set<String> METERS = Set.of("careergraph_outbox_backlog_events",
            "careergraph_outbox_oldest_age_seconds", "careergraph_consumer_lag_records",
            "careergraph_dead_letters_records", "careergraph_deliveries_total", "careergraph_rescore_occupations",
            "careergraph_release_import_occupations", "http_server_requests_seconds_count",
            "jvm_memory_used_bytes", "jvm_memory_max_bytes");
    private static final Pattern OUR_METRIC = Pattern.compile("\\b(?:careergraph|http_server|jvm)_[a-z0-9_]+");
    private static final Set<String> SEVERITIES = Set.of("critical", "warning");

    /**
     * Prod has alerts and a dashboard on the services' meters: every alert with a severity, a summary and a runbook
     * link into docs/operations.md that exists, and every expression (alerts and panels) on meters that exist.
     */
    List<Problem> monitoring(List<ObjectNode> objects) {
        List<Problem> problems = new ArrayList<>();
        List<ObjectNode> rules = ofKind(objects, "PrometheusRule");
        if (rules.isEmpty()) {
            problems.add(new Problem("prod-alerts", "PrometheusRule", "none: nobody would hear of a stuck outbox"));
        }
        Set<String> anchors = CodeFacts.operationsAnchors();
        for (ObjectNode rule : rules) {
            for (JsonNode group : rule.path("spec").path("groups")) {
                for (JsonNode alert : group.path("rules")) {
                    String name = alert.path("alert").asText(alert.path("record").asText());
                    String where = id(rule) + " " + name;
                    problems.addAll(unknownMeters("prod-alerts", where, alert.path("expr").asText()));
                    if (alert.has("alert")) {
                        if (!SEVERITIES.contains(alert.path("labels").path("severity").asText())) {
                            problems.add(new Problem("prod-alerts", where, "severity not one of " + SEVERITIES));
                        }
                        if (alert.path("annotations").path("summary").asText().isBlank()) {
                            problems.add(new Problem("prod-alerts", where, "no summary"));
                        }
                        String runbook = alert.path("annotations").path("runbook_url").asText();
                        String anchor = runbook.startsWith("docs/operations.md#")
                                ? runbook.substring("docs/operations.md#".length()) : "";
                        if (!anchors.contains(anchor)) {
                            problems.add(new Problem("prod-alerts", where, "runbook_url " + runbook
                                    + " is not a section of docs/operations.md"));
                        }
                    }
                }
            }
        }
        List<ObjectNode> dashboards = ofKind(objects, "ConfigMap").stream()
                .filter(c -> c.path("metadata").path("labels").path("grafana_dashboard").asText().equals("1"))
                .toList();
        if (dashboards.isEmpty()) {
            problems.add(new Problem("prod-dashboard", "ConfigMap", "no Grafana dashboard (label grafana_dashboard)"));
        }
        for (ObjectNode dashboard : dashboards) {
            for (Map.Entry<String, JsonNode> file : dashboard.path("data").properties()) {
                JsonNode json;
                try {
                    json = Manifests.YAML.readTree(file.getValue().asText()); // JSON is YAML
                } catch (java.io.IOException e) {
                    problems.add(new Problem("prod-dashboard", id(dashboard), file.getKey() + " is not JSON: " + e));
                    continue;
                }
                if (json.path("uid").asText().isBlank() || json.path("panels").isEmpty()) {
                    problems.add(new Problem("prod-dashboard", id(dashboard), file.getKey() + " has no uid or panels"));
                }
                for (JsonNode panel : json.path("panels")) {
                    for (JsonNode target : panel.path("targets")) {
                        problems.addAll(unknownMeters("prod-dashboard", id(dashboard) + " panel "
                                + panel.path("title").asText(), target.path("expr").asText()));
                    }
                }
            }
        }
        return problems;
    }

    private static List<Problem> unknownMeters(String rule, String where, String expr) {
        List<Problem> problems = new ArrayList<>();
        Matcher names = OUR_METRIC.matcher(expr);
        while (names.find()) {
            if (!METERS.contains(names.group())) {
                problems.add(new Problem(rule, where, "no service serves the meter " + names.group()));
            }
        }
        return problems;
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

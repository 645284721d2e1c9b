package org.careergraph.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Where the Kubernetes files are, and how they become objects: {@code kubectl kustomize} renders an overlay, the
 * multi-document YAML it prints is read as one JSON tree per object.
 *
 * <p>kubectl is required, not optional: CI runs on the same kind of machine, which has Debian's {@code kubectl}
 * package, and a check that silently skipped where kubectl is missing would let broken manifests land. Without it the
 * tests fail with a message naming the package. Whoever knowingly cannot install it may pass
 * {@code -Dcareergraph.kubernetes.skip-render=true} (or set {@code CAREERGRAPH_KUBERNETES_SKIP_RENDER=true}): then
 * the tests that need a rendering are reported as skipped, with that reason, never as passed.
 */
final class Manifests {

    static final ObjectMapper YAML = new YAMLMapper(new YAMLFactory());
    static final String KUBECTL_HINT = "install Debian's package: apt-get update && apt-get install kubectl "
            + "(kubectl 1.32 with Kustomize 5.5)";

    private Manifests() {
    }

    /** The project root: the folder that holds event-contract/ and deploy/ (tests run in deploy/). */
    static Path root() {
        String configured = System.getProperty("careergraph.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("event-contract")) && Files.isDirectory(dir.resolve("deploy"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the project root (a folder with event-contract/ and deploy/) "
                + "above " + Path.of("").toAbsolutePath());
    }

    static Path kubernetesDir() {
        return root().resolve("deploy/kubernetes");
    }

    static Path overlaysDir() {
        return kubernetesDir().resolve("overlays");
    }

    /** Every overlay: each folder under deploy/kubernetes/overlays with a kustomization file. */
    static List<Path> overlays() {
        Path dir = overlaysDir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Manifests::isKustomization).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isKustomization(Path dir) {
        return Files.isRegularFile(dir.resolve("kustomization.yaml")) || Files.isRegularFile(dir.resolve("kustomization.yml"))
                || Files.isRegularFile(dir.resolve("Kustomization"));
    }

    static boolean renderingSkipped() {
        return Boolean.getBoolean("careergraph.kubernetes.skip-render")
                || "true".equalsIgnoreCase(System.getenv("CAREERGRAPH_KUBERNETES_SKIP_RENDER"));
    }

    /** kubectl on the PATH (or /usr/bin/kubectl), or an AssertionError saying how to install it. */
    static Path kubectl() {
        String path = System.getenv().getOrDefault("PATH", "");
        List<Path> candidates = new ArrayList<>();
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "kubectl"));
            }
        }
        candidates.add(Path.of("/usr/bin/kubectl"));
        return candidates.stream().filter(Files::isExecutable).findFirst().orElseThrow(() -> new AssertionError(
                "kubectl not found (needed to render the Kustomize overlays): " + KUBECTL_HINT
                        + "; or run with -Dcareergraph.kubernetes.skip-render=true to skip these tests knowingly"));
    }

    /** {@code kubectl kustomize dir}, parsed: one tree per object, in the order kubectl prints them. */
    static List<ObjectNode> render(Path kustomization) {
        Path out;
        Path err;
        try {
            out = Files.createTempFile("kustomize", ".yaml");
            err = Files.createTempFile("kustomize", ".err");
            Process process = new ProcessBuilder(kubectl().toString(), "kustomize", kustomization.toString())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + kustomization + " did not finish in 2 minutes");
            }
            String yaml = Files.readString(out, StandardCharsets.UTF_8);
            String errors = Files.readString(err, StandardCharsets.UTF_8);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + kustomization + " failed (exit " + process.exitValue()
                        + "):\n" + errors);
            }
            return parse(yaml, "kubectl kustomize " + kustomization);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while rendering " + kustomization, e);
        }
    }

    /** Every non-empty document of a multi-document YAML text; each must be a mapping. */
    static List<ObjectNode> parse(String yaml, String source) {
        List<ObjectNode> objects = new ArrayList<>();
        try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            while (documents.hasNextValue()) {
                JsonNode document = documents.nextValue();
                if (document == null || document.isNull() || document.isMissingNode()) {
                    continue;
                }
                if (!document.isObject()) {
                    throw new AssertionError(source + ": a YAML document is not a mapping: " + document);
                }
                objects.add((ObjectNode) document);
            }
        } catch (IOException e) {
            throw new AssertionError(source + ": not valid YAML: " + e.getMessage(), e);
        }
        return objects;
    }

    static List<ObjectNode> parse(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every YAML file under a folder, for checks on what is in git rather than what a rendering keeps. */
    static List<Path> yamlFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deep copies, for tests that change objects in memory. */
    static List<ObjectNode> copy(List<ObjectNode> objects) {
        return objects.stream().map(ObjectNode::deepCopy).toList();
    }

    /** "Kind name" or "Kind namespace/name". */
    static String id(JsonNode object) {
        String namespace = object.path("metadata").path("namespace").asText("");
        String name = object.path("metadata").path("name").asText("<no name>");
        return object.path("kind").asText("<no kind>") + " " + (namespace.isEmpty() ? "" : namespace + "/") + name;
    }
}

package org.careergraph.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Kubernetes deployment (deploy/kubernetes) keeps every rule of {@link ManifestChecks}: each overlay is rendered
 * with kubectl kustomize, and every problem of every rule is reported at once.
 */
class KubernetesManifestsTest {

    /** The overlays there must be; more may come, and each is checked. */
    static final Set<String> REQUIRED_OVERLAYS = Set.of("dev", "prod");

    @Test
    void theDevAndProdOverlaysExist() {
        Set<String> found = Manifests.overlays().stream().map(dir -> dir.getFileName().toString())
                .collect(Collectors.toSet());
        assertTrue(found.containsAll(REQUIRED_OVERLAYS), "expected overlays " + REQUIRED_OVERLAYS + " under "
                + Manifests.overlaysDir() + " (each a folder with kustomization.yaml); found " + found);
    }

    @TestFactory
    Stream<DynamicTest> everyOverlayKeepsEveryRule() {
        return Manifests.overlays().stream().map(overlay -> DynamicTest.dynamicTest(
                "overlay " + overlay.getFileName(), () -> assertNoProblems(overlay)));
    }

    @Test
    void theFixtureKeepsEveryRule() {
        assertNoProblems(RenderedOverlays.fixture());
    }

    @Test
    void noSecretInGitCarriesAValue() {
        List<Problem> problems = RenderedOverlays.CHECKS.secretValuesInFiles(Manifests.kubernetesDir());
        if (!problems.isEmpty()) {
            fail(problems.size() + " Secret(s) under " + Manifests.kubernetesDir() + " carry values:\n"
                    + lines(problems));
        }
    }

    private static void assertNoProblems(Path overlay) {
        List<ObjectNode> objects = RenderedOverlays.render(overlay);
        assertFalse(objects.isEmpty(), "kubectl kustomize " + overlay + " rendered no object");
        boolean prod = overlay.getFileName().toString().equals("prod") || overlay.equals(RenderedOverlays.fixture());
        List<Problem> problems = RenderedOverlays.CHECKS.all(objects, prod);
        if (!problems.isEmpty()) {
            fail(problems.size() + " problem(s) in " + overlay + " (" + objects.size() + " objects):\n"
                    + lines(problems));
        }
    }

    static String lines(List<Problem> problems) {
        List<String> lines = new ArrayList<>();
        problems.forEach(problem -> lines.add("  " + problem));
        return String.join("\n", lines);
    }
}

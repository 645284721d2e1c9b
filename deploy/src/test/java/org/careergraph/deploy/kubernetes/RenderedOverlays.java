package org.careergraph.deploy.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;

/** Renderings shared by the tests of one JVM (kubectl kustomize takes a moment each). */
final class RenderedOverlays {

    private static final Map<Path, List<ObjectNode>> RENDERED = new ConcurrentHashMap<>();
    static final ManifestChecks CHECKS = new ManifestChecks();

    private RenderedOverlays() {
    }

    /** The rendered objects of a kustomization folder, as a fresh copy the caller may change. */
    static List<ObjectNode> render(Path kustomization) {
        if (Manifests.renderingSkipped()) {
            Assumptions.abort("rendering skipped (careergraph.kubernetes.skip-render): kubectl kustomize was not run; "
                    + Manifests.KUBECTL_HINT);
        }
        return Manifests.copy(RENDERED.computeIfAbsent(kustomization.toAbsolutePath().normalize(),
                Manifests::render));
    }

    /** The fixture: a small production-like deployment that keeps every rule. */
    static Path fixture() {
        try {
            return Path.of(RenderedOverlays.class.getClassLoader().getResource("kubernetes/fixtures/prod/kustomization.yaml")
                    .toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Optional<Path> overlay(String name) {
        Path dir = Manifests.overlaysDir().resolve(name);
        return Manifests.isKustomization(dir) ? Optional.of(dir) : Optional.empty();
    }

    static boolean exists(Path dir) {
        return Files.isDirectory(dir);
    }
}

package org.careergraph.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/** Scratch directories under target/ (Maven runs tests from the module directory). */
final class TestDirs {

    private TestDirs() {
    }

    static Path fresh(String name) {
        return Path.of("target", "it-data", name + "-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.careergraph.deploy.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which build of a service the launcher runs: its jar (which a startup cache needs) unless a class is newer. */
class ServiceProcessTest {

    @TempDir
    Path root;

    private Path target;
    private Path jar;

    @BeforeEach
    void build() throws IOException {
        target = Files.createDirectories(root.resolve("scoring-service").resolve("target"));
        Path classes = Files.createDirectories(target.resolve("classes").resolve("org"));
        Files.writeString(classes.resolve("Scoring.class"), "");
        Files.writeString(target.resolve("runtime-classpath.txt"), "/libs/a.jar" + File.pathSeparator + "/libs/b.jar");
        Files.writeString(target.resolve("scoring-service-0.1.0-SNAPSHOT-tests.jar"), "");
        jar = Files.writeString(target.resolve("scoring-service-0.1.0-SNAPSHOT.jar"), "");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
    }

    @Test
    void thePackagedJarComesFirst() {
        assertEquals(jar + File.pathSeparator + "/libs/a.jar" + File.pathSeparator + "/libs/b.jar",
                ServiceProcess.classpath(root, Service.SCORING));
    }

    @Test
    void aClassCompiledAfterThePackageMeansTheClassesFolder() throws IOException {
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));

        assertEquals(target.resolve("classes") + File.pathSeparator + "/libs/a.jar" + File.pathSeparator + "/libs/b.jar",
                ServiceProcess.classpath(root, Service.SCORING));
    }
}

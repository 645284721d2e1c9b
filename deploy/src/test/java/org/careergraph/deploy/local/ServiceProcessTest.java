package org.careergraph.deploy.local;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which build of a service the launcher runs (its jar, which a startup cache needs, unless a class is newer), and
 * what a stopping JVM still says.
 */
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

    @Test
    void whatTheJvmSaysWhileItStopsStillArrives() {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(output, true);
        ServiceProcess process = ServiceProcess.start(new ServiceProcess.Launch(Service.SCORING, 0,
                ServiceProcess.javaCommand(System.getProperty("java.class.path"), SaysGoodbye.class.getName()),
                Map.of(), root), out);
        await().atMost(Duration.ofMinutes(1)).until(() -> output.toString().contains("[scoring] running"));

        process.requestStop();
        process.awaitStop(Duration.ofSeconds(20), out);

        // The JVM writing its AOT cache as it exits says so too; a child JVM that writes it would die without this.
        assertTrue(output.toString().contains("[scoring] stopping: the last words"), output.toString());
    }

    /** Run in its own JVM: says so until it is stopped, and once more in its shutdown hook. */
    public static final class SaysGoodbye {
        public static void main(String[] args) throws InterruptedException {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("stopping: the last words")));
            System.out.println("running");
            new CountDownLatch(1).await();
        }
    }
}

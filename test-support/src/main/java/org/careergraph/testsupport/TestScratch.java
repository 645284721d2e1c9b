package org.careergraph.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * What the test servers of one JVM share: whether a Docker engine answers (asked once), the scratch directory of the
 * embedded servers ({@code target/test-infra/jvm-PID}, stale ones of dead JVMs deleted), and the shutdown hook that
 * stops every started server at once and then deletes that directory.
 */
final class TestScratch {

    private static final Logger LOG = LoggerFactory.getLogger(TestScratch.class);
    private static final Object LOCK = new Object();
    private static Boolean dockerAvailable;
    private static volatile Path embeddedDir;
    private static boolean shutdownHookAdded;
    // Read by the shutdown hook without a lock: the hook must not hang behind a start.
    private static final List<Server<?>> STARTED = new CopyOnWriteArrayList<>();

    private TestScratch() {
    }

    static boolean dockerAvailable() {
        synchronized (LOCK) {
            if (dockerAvailable == null) {
                boolean available;
                try {
                    available = DockerClientFactory.instance().isDockerAvailable();
                } catch (RuntimeException | LinkageError e) {
                    available = false;
                }
                dockerAvailable = available;
                LOG.info("Docker {}", available ? "available: using Testcontainers" : "not available");
            }
            return dockerAvailable;
        }
    }

    /**
     * target/test-infra/jvm-PID under the working directory (the module directory under Maven), fresh for this JVM.
     * Directories left by JVMs that are gone (killed before their shutdown hook ran) are deleted here.
     */
    static Path embeddedDir() {
        synchronized (LOCK) {
            if (embeddedDir == null) {
                Path root = Path.of("target", "test-infra").toAbsolutePath();
                long pid = ProcessHandle.current().pid();
                try {
                    Files.createDirectories(root);
                    try (Stream<Path> dirs = Files.list(root)) {
                        dirs.filter(d -> isStale(d, pid)).forEach(TestScratch::deleteQuietly);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("Cannot prepare " + root, e);
                }
                embeddedDir = root.resolve("jvm-" + pid);
            }
            return embeddedDir;
        }
    }

    private static boolean isStale(Path dir, long ownPid) {
        String name = dir.getFileName().toString();
        if (!name.startsWith("jvm-")) {
            return false;
        }
        try {
            long pid = Long.parseLong(name.substring(4));
            return pid == ownPid || ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Before a server starts: the hook that stops it at exit (added once per JVM). */
    static void addShutdownHook() {
        synchronized (LOCK) {
            if (!shutdownHookAdded) {
                Runtime.getRuntime().addShutdownHook(new Thread(TestScratch::shutdown, "test-infrastructure-shutdown"));
                shutdownHookAdded = true;
            }
        }
    }

    /** Once a server has started: stopped by the shutdown hook. */
    static <T> Server<T> stopAtExit(Server<T> server) {
        STARTED.add(server);
        return server;
    }

    private static void shutdown() {
        // Stop all at once: the JVM exit waits for the slowest one only.
        CompletableFuture.allOf(STARTED.stream()
                .map(server -> CompletableFuture.runAsync(() -> stop(server)))
                .toArray(CompletableFuture[]::new)).join();
        Path dir = embeddedDir;
        if (dir != null) {
            deleteQuietly(dir); // fresh per JVM: nothing to keep
        }
    }

    private static void stop(Server<?> server) {
        if (server.stopper() == null) {
            return;
        }
        try {
            server.stopper().close();
        } catch (Exception e) {
            LOG.warn("Could not stop {}", server.description(), e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not delete {}", dir, e);
        }
    }
}

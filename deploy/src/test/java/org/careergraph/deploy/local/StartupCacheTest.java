package org.careergraph.deploy.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.careergraph.deploy.local.StartupCache.Kind;
import org.careergraph.deploy.local.StartupCache.Use;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which JVM options a start gets from its startup cache, and what becomes of a cache the JVM wrote. */
class StartupCacheTest {

    @TempDir
    Path dir;

    @Test
    void eachJdkGetsTheBestCacheItHas() {
        assertEquals(Kind.CDS_ARCHIVE, Kind.best(21));
        assertEquals(Kind.CDS_ARCHIVE, Kind.best(24));
        assertEquals(Kind.AOT_CACHE, Kind.best(25));
        assertEquals(Kind.NONE, Kind.best(17));
    }

    @Test
    void theFirstStartWritesTheAotCacheAndTheNextUsesIt() throws IOException {
        StartupCache cache = new StartupCache(dir.resolve("cache"), Kind.AOT_CACHE);
        List<String> command = command(jar("catalog-service-0.1.0.jar"));

        Use first = cache.use(Service.CATALOG, command);
        assertTrue(first.writesCache());
        assertTrue(first.jvmOptions().getFirst().startsWith("-XX:AOTCacheOutput="), first.toString());
        List<String> started = StartupCache.withOptions(command, first);
        assertEquals(List.of("java", first.jvmOptions().get(0), first.jvmOptions().get(1), "-Xmx384m", "-cp"),
                started.subList(0, 5));

        Files.writeString(first.training(), "cache"); // what the JVM writes as it exits
        first.exited(143);

        Use next = cache.use(Service.CATALOG, command);
        assertFalse(next.writesCache());
        assertEquals("-XX:AOTCache=" + first.written(), next.jvmOptions().getFirst());
    }

    @Test
    void aCacheFromAKilledJvmIsDroppedAndWrittenAgain() throws IOException {
        StartupCache cache = new StartupCache(dir.resolve("cache"), Kind.AOT_CACHE);
        List<String> command = command(jar("scoring-service-0.1.0.jar"));
        Use first = cache.use(Service.SCORING, command);
        Files.writeString(first.training(), "cut short");

        first.exited(137);

        assertFalse(Files.exists(first.training()));
        assertFalse(Files.exists(first.written()));
        assertTrue(cache.use(Service.SCORING, command).writesCache());
    }

    @Test
    void aRebuiltJarGetsANewCacheAndTheOldOneIsDeleted() throws IOException {
        StartupCache cache = new StartupCache(dir.resolve("cache"), Kind.AOT_CACHE);
        Path jar = jar("web-0.1.0.jar");
        Use first = cache.use(Service.WEB, command(jar));
        Files.writeString(first.training(), "cache");
        first.exited(0);

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        Use rebuilt = cache.use(Service.WEB, command(jar));

        assertTrue(rebuilt.writesCache());
        assertNotEquals(first.written(), rebuilt.written());
        assertFalse(Files.exists(first.written()), "the old build's cache is deleted");
    }

    @Test
    void anotherJdksKindOfCacheIsDeletedAndTheFolderIsTheOwnersOnly() throws IOException {
        Path folder = dir.resolve("cache");
        Path jar = jar("immigration-service-0.1.0.jar");
        Use cds = new StartupCache(folder, Kind.CDS_ARCHIVE).use(Service.IMMIGRATION, command(jar));
        Path archive = Path.of(cds.jvmOptions().get(1).substring("-XX:SharedArchiveFile=".length()));
        Files.writeString(archive, "archive"); // what a JDK 21 wrote

        new StartupCache(folder, Kind.AOT_CACHE).use(Service.IMMIGRATION, command(jar));

        assertFalse(Files.exists(archive), "the other JDK's archive is deleted");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
    }

    @Test
    void aFolderThatCannotBeMadeMeansAStartWithoutACache() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("cache"), "a file where the folder should be");

        Use use = new StartupCache(notAFolder, Kind.AOT_CACHE).use(Service.CATALOG,
                command(jar("catalog-service-0.1.0.jar")));

        assertEquals(Use.NONE, use);
    }

    @Test
    void theCdsArchiveIsLeftToTheJvm() throws IOException {
        StartupCache cache = new StartupCache(dir.resolve("cache"), Kind.CDS_ARCHIVE);

        Use use = cache.use(Service.NOTIFICATION, command(jar("notification-service-0.1.0.jar")));

        assertTrue(use.jvmOptions().contains("-XX:+AutoCreateSharedArchive"), use.toString());
        assertTrue(use.writesCache());
        use.exited(143); // nothing to move: the JVM keeps its archive itself
    }

    @Test
    void aClassesFolderOnTheClasspathGetsNoCache() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.writeString(classes.resolve("A.class"), "");
        StartupCache cache = new StartupCache(dir.resolve("cache"), Kind.AOT_CACHE);

        assertEquals(Use.NONE, cache.use(Service.CATALOG, command(classes)));
        assertEquals(Use.NONE, StartupCache.NONE.use(Service.CATALOG, command(jar("catalog-service-0.1.0.jar"))));
    }

    private Path jar(String name) throws IOException {
        return Files.writeString(dir.resolve(name), "jar");
    }

    private static List<String> command(Path classpath) {
        return List.of("java", "-Xmx384m", "-cp", classpath.toString(), "org.careergraph.Main");
    }
}

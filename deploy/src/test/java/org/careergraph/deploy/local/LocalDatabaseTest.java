package org.careergraph.deploy.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.careergraph.deploy.local.LocalDatabase.Kind;
import org.careergraph.deploy.local.LocalDatabase.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDatabaseTest {

    private static final Platform LINUX_X64 = new Platform("Linux", "amd64");
    private static final Platform MAC_ARM = new Platform("Mac OS X", "aarch64");
    private static final Platform WINDOWS = new Platform("Windows 11", "amd64");
    private static final BooleanSupplier DOCKER = () -> true;
    private static final BooleanSupplier NO_DOCKER = () -> false;
    private static final BooleanSupplier NOT_ASKED = () -> {
        throw new AssertionError("Docker must not be asked");
    };

    @Test
    void aServerTheUserNamesWinsWithoutAskingDocker() {
        Map<String, String> env = Map.of(LocalDatabase.URL_VARIABLE, "jdbc:mysql://db.example:3306",
                LocalDatabase.KIND_VARIABLE, "bundled");

        LocalDatabase.Choice choice = LocalDatabase.choose(env::get, MAC_ARM, true, NOT_ASKED);

        assertEquals(Kind.NAMED, choice.kind());
        assertTrue(choice.why().contains(LocalDatabase.URL_VARIABLE), choice.why());
    }

    @Test
    void dockerComesBeforeTheBundledMariaDbUnlessItHoldsEarlierData() {
        Map<String, String> env = Map.of();

        assertEquals(Kind.DOCKER, LocalDatabase.choose(env::get, LINUX_X64, false, DOCKER).kind());
        assertEquals(Kind.BUNDLED, LocalDatabase.choose(env::get, LINUX_X64, true, NOT_ASKED).kind());
        assertEquals(Kind.BUNDLED, LocalDatabase.choose(env::get, LINUX_X64, false, NO_DOCKER).kind());
        assertEquals(Kind.DOCKER, LocalDatabase.choose(env::get, MAC_ARM, true, DOCKER).kind(),
                "data from another machine's bundled MariaDB cannot run here");
        assertEquals(Kind.DOCKER, LocalDatabase.choose(env::get, WINDOWS, false, DOCKER).kind());
    }

    @Test
    void withNeitherDockerNorTheBundledMariaDbTheUserIsToldWhatToDo() {
        Map<String, String> env = Map.of();

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LocalDatabase.choose(env::get, MAC_ARM, false, NO_DOCKER));

        assertTrue(e.getMessage().contains("Linux x86-64 only, this is Mac OS X aarch64"), e.getMessage());
        assertTrue(e.getMessage().contains(LocalDatabase.URL_VARIABLE + "=jdbc:mysql://host:3306"), e.getMessage());
        assertTrue(e.getMessage().contains("deploy/compose.yaml"), e.getMessage());
    }

    @Test
    void theUserMayPickDockerOrTheBundledMariaDbButOnlyWhereItRuns() {
        assertEquals(Kind.BUNDLED, LocalDatabase.choose(Map.of(LocalDatabase.KIND_VARIABLE, "bundled")::get,
                LINUX_X64, false, NOT_ASKED).kind());
        assertEquals(Kind.DOCKER, LocalDatabase.choose(Map.of(LocalDatabase.KIND_VARIABLE, " Docker ")::get,
                LINUX_X64, true, DOCKER).kind());

        assertThrows(IllegalStateException.class, () -> LocalDatabase.choose(
                Map.of(LocalDatabase.KIND_VARIABLE, "bundled")::get, WINDOWS, false, DOCKER));
        assertThrows(IllegalStateException.class, () -> LocalDatabase.choose(
                Map.of(LocalDatabase.KIND_VARIABLE, "docker")::get, LINUX_X64, true, NO_DOCKER));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> LocalDatabase.choose(
                Map.of(LocalDatabase.KIND_VARIABLE, "postgres")::get, LINUX_X64, false, NOT_ASKED));
        assertTrue(unknown.getMessage().contains("postgres"), unknown.getMessage());
    }

    @Test
    void onlyLinuxOnX86WithSixtyFourBitsHasTheBundledMariaDb() {
        assertTrue(LINUX_X64.hasBundledMariaDb());
        assertTrue(new Platform("Linux", "x86_64").hasBundledMariaDb());
        assertFalse(new Platform("Linux", "aarch64").hasBundledMariaDb());
        assertFalse(MAC_ARM.hasBundledMariaDb());
        assertFalse(WINDOWS.hasBundledMariaDb());
    }

    @Test
    void earlierDataIsTheBundledMariaDbsSystemSchema(@TempDir Path home) throws Exception {
        assertFalse(LocalDatabase.bundledDataIn(home));
        Files.createDirectories(home.resolve("mariadb/data"));
        assertFalse(LocalDatabase.bundledDataIn(home), "an empty data folder holds nothing to keep");
        Files.createDirectories(home.resolve("mariadb/data/mysql"));
        assertTrue(LocalDatabase.bundledDataIn(home));
    }

    @Test
    void eachDataFolderHasItsOwnDockerVolume(@TempDir Path dir) {
        String one = LocalDatabase.dockerVolume(dir.resolve("a"));

        assertEquals(one, LocalDatabase.dockerVolume(dir.resolve("a/../a")));
        assertFalse(one.equals(LocalDatabase.dockerVolume(dir.resolve("b"))));
        assertTrue(one.matches("careergraph-mysql-[0-9a-f]{12}"), one);
    }

    @Test
    void aUrlWithADatabaseIsRefusedBeforeAnythingStarts(@TempDir Path dir) {
        Map<String, String> env = Map.of(LocalDatabase.URL_VARIABLE, "jdbc:mysql://localhost:3306/catalog");
        LocalDatabase.Choice choice = LocalDatabase.choose(env::get, LocalDatabase.Platform.current(), false, () -> false);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LocalDatabase.start(choice, env::get, dir, 0));
        assertTrue(e.getMessage().startsWith(LocalDatabase.URL_VARIABLE), e.getMessage());
    }
}

package org.careergraph.deploy.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {

    @TempDir
    Path dir;

    @Test
    void aSecretIsCreatedOnceOwnerOnlyAndReusedAfterwards() throws Exception {
        Path file = dir.resolve("home").resolve("jwt-secret");

        String first = PrivateFiles.readOrCreate(file, () -> "first-secret");
        String second = PrivateFiles.readOrCreate(file, () -> "another-secret");

        assertEquals("first-secret", first);
        assertEquals("first-secret", second);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
    }

    @Test
    void aLooseFileIsMadeOwnerOnlyBeforeItIsRead() throws Exception {
        Path file = dir.resolve("jwt-secret");
        Files.writeString(file, "kept\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertEquals("kept", PrivateFiles.readOrCreate(file, () -> "new"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void writingReplacesTheContentAndKeepsItOwnerOnly() throws Exception {
        Path file = dir.resolve("admin-token");
        PrivateFiles.write(file, "token-1");
        PrivateFiles.write(file, "token-2");

        assertEquals("token-2", Files.readString(file).strip());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var leftovers = Files.list(dir)) {
            assertEquals(1, leftovers.count(), "no temporary files left behind");
        }
    }
}

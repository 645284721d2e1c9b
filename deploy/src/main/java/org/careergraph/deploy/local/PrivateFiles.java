package org.careergraph.deploy.local;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Files only their owner can read (mode 0600): the JWT secret and the admin token. On a file system without POSIX
 * modes (Windows) they are plain files in the data folder, which the user's profile folder already keeps private.
 */
final class PrivateFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {
    }

    /** Creates the directory (mode 0700 for the parts it creates) if it is missing. */
    static Path directory(Path dir) {
        try {
            return POSIX ? Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR))
                    : Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }

    /** The file's content; on first use the file is created with a fresh value. */
    static String readOrCreate(Path file, Supplier<String> fresh) {
        try {
            if (Files.exists(file)) {
                if (POSIX) {
                    Files.setPosixFilePermissions(file, OWNER_ONLY);
                }
                String value = Files.readString(file, UTF_8).strip();
                if (value.isEmpty()) {
                    throw new IllegalStateException(file + " is empty: delete it to have a new one generated");
                }
                return value;
            }
            String value = fresh.get();
            write(file, value);
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file, e);
        }
    }

    /** Replaces the file atomically; the content is never readable by others, not even for a moment. */
    static void write(Path file, String content) {
        Path dir = directory(file.toAbsolutePath().getParent());
        try {
            Path temp = POSIX ? Files.createTempFile(dir, file.getFileName().toString(), ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                    : Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                Files.writeString(temp, content + "\n", UTF_8);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}

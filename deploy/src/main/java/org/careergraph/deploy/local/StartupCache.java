package org.careergraph.deploy.local;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Makes a service JVM start faster from its second start on, with what the running JDK has: its ahead-of-time cache
 * (JDK 25 and later, JEP 483 and 514: the classes of the first run loaded and linked ahead, about 2.5 times less CPU
 * to ready) or else a dynamic class-data sharing archive (JDK 19 and later: the classes parsed ahead, about half the
 * CPU). One file per service and build in a folder of the data directory: a rebuilt jar, another JDK or other JVM
 * options name another file, and the first start of each writes it (the JVM writes it when it exits); older files of
 * the service are deleted then. Both need the classpath to be jars only: with a classes folder on it there is none.
 */
final class StartupCache {

    enum Kind {
        /** Every start loads, parses and links each class from the jars. */
        NONE(""),
        /** {@code -XX:+AutoCreateSharedArchive}: the JVM writes the archive at exit, and again when it is stale. */
        CDS_ARCHIVE(".jsa"),
        /** {@code -XX:AOTCacheOutput} on the first start (the training run), {@code -XX:AOTCache} after. */
        AOT_CACHE(".aot");

        private final String extension;

        Kind(String extension) {
            this.extension = extension;
        }

        /** The best that a JDK of this feature release has (the services run on the launcher's own JDK). */
        static Kind best(int jdkFeature) {
            return jdkFeature >= 25 ? AOT_CACHE : jdkFeature >= 19 ? CDS_ARCHIVE : NONE;
        }

        static Kind best() {
            return best(Runtime.version().feature());
        }
    }

    /**
     * How one start uses the cache.
     *
     * @param jvmOptions  to put before the JVM's other options
     * @param writesCache whether this start writes the cache when it exits (the first of its build): its stop takes
     *                    longer, a few seconds of CPU
     * @param training    where the JVM writes an AOT cache (null for none, or where the JVM keeps it itself)
     * @param written     where that cache goes once the start that wrote it has exited cleanly
     */
    record Use(List<String> jvmOptions, boolean writesCache, Path training, Path written) {

        static final Use NONE = new Use(List.of(), false, null, null);

        /**
         * After the process exited: an AOT cache written by a JVM that exited cleanly takes its place; one from a JVM
         * that was killed may be cut short (the JVM would refuse it on every start), so it is dropped. One that cannot
         * be moved stays where it is, and the next start writes it again.
         */
        void exited(int exitCode) {
            if (training == null) {
                return;
            }
            try {
                if (cleanExit(exitCode) && Files.isRegularFile(training) && Files.size(training) > 0) {
                    Files.move(training, written, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Files.deleteIfExists(training);
                }
            } catch (IOException e) {
                // Left as it is: the next start deletes it with the other unfinished files.
            }
        }

        /** 0, or stopped by SIGINT or SIGTERM (its shutdown hooks ran, then the JVM wrote the cache). */
        private static boolean cleanExit(int exitCode) {
            return exitCode == 0 || exitCode == 130 || exitCode == 143;
        }
    }

    static final StartupCache NONE = new StartupCache(null, Kind.NONE);

    /** Only what the JVM says when it cannot use its cache; not the classes it leaves out when it writes one. */
    private static final String AOT_LOGGING = "-Xlog:aot*=error";
    /**
     * Silent: the JVM re-creates an archive it cannot use by itself. (The JDK's base archive was written without
     * --enable-native-access, which it reports as an error on every start.)
     */
    private static final String CDS_LOGGING = "-Xlog:cds*=off";

    private final Path directory;
    private final Kind kind;

    /** @param directory where the files are kept (created when first needed) */
    StartupCache(Path directory, Kind kind) {
        this.directory = directory;
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }

    /** How a start with this command (a java binary, its options, {@code -cp}, a classpath, the main class) uses it. */
    Use use(Service service, List<String> command) {
        if (kind == Kind.NONE) {
            return Use.NONE;
        }
        List<Path> classpath = classpath(command);
        if (!classpath.stream().allMatch(Files::isRegularFile)) {
            return Use.NONE; // a classes folder: the JVM would archive none of its classes, and refuses to write
        }
        String name;
        try {
            name = service.shortName() + "-" + fingerprint(command, classpath) + kind.extension;
            // Owner-only: the JVM loads classes from these files.
            PrivateFiles.directory(directory);
            deleteOthers(service, name);
        } catch (IOException | UncheckedIOException e) {
            // A faster start is not worth a failed one: this start goes without.
            System.err.printf("%s starts without a startup cache: %s%n", service.shortName(), e.getMessage());
            return Use.NONE;
        }
        Path file = directory.resolve(name);
        if (kind == Kind.CDS_ARCHIVE) {
            return new Use(List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + file, CDS_LOGGING),
                    !Files.exists(file), null, null);
        }
        if (Files.isRegularFile(file)) {
            return new Use(List.of("-XX:AOTCache=" + file, AOT_LOGGING), false, null, null);
        }
        Path training = directory.resolve(name + ".training");
        return new Use(List.of("-XX:AOTCacheOutput=" + training, AOT_LOGGING), true, training, file);
    }

    /** The command with the cache's options after the java binary. */
    static List<String> withOptions(List<String> command, Use use) {
        if (use.jvmOptions().isEmpty()) {
            return command;
        }
        List<String> withOptions = new ArrayList<>(command.size() + use.jvmOptions().size());
        withOptions.add(command.getFirst());
        withOptions.addAll(use.jvmOptions());
        withOptions.addAll(command.subList(1, command.size()));
        return withOptions;
    }

    private static List<Path> classpath(List<String> command) {
        int option = command.indexOf("-cp");
        if (option < 0 || option + 1 >= command.size()) {
            return List.of();
        }
        return Arrays.stream(command.get(option + 1).split(File.pathSeparator)).map(Path::of).toList();
    }

    /** The JDK, the command, and each classpath jar's size and time: what the JVM checks before it uses a cache. */
    private static String fingerprint(List<String> command, List<Path> classpath) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((System.getProperty("java.home") + "\n" + System.getProperty("java.vm.version") + "\n")
                    .getBytes(UTF_8));
            for (String part : command) {
                digest.update((part + "\n").getBytes(UTF_8));
            }
            for (Path jar : classpath) {
                digest.update((Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis() + "\n")
                        .getBytes(UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The service's files of other builds or of the other kind (written by another JDK), and unfinished ones of this
     * build's (the JVM's own {@code .config} too, which it leaves when it is killed while writing).
     */
    private void deleteOthers(Service service, String keep) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, service.shortName() + "-*")) {
            for (Path file : files) {
                if (!file.getFileName().toString().equals(keep)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}

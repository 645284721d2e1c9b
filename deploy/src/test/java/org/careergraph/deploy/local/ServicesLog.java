package org.careergraph.deploy.local;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The services' output in a file, for a test that keeps the console for its own lines. When the system fails to
 * start, the launcher's message says the failing service's output is "above"; its last lines are printed there, so
 * that a build log (CI keeps no target folder) shows why.
 */
public final class ServicesLog implements AutoCloseable {

    private static final int TAIL_LINES = 150;

    private final Path file;
    private final PrintStream out;

    private ServicesLog(Path file) throws IOException {
        this.file = file;
        this.out = new PrintStream(Files.newOutputStream(file), true, UTF_8);
    }

    /** {@code services.log} in the folder. */
    public static ServicesLog in(Path folder) throws IOException {
        return new ServicesLog(folder.resolve("services.log"));
    }

    public Path file() {
        return file;
    }

    public PrintStream out() {
        return out;
    }

    /** Starts the launcher, which writes to this log (see the static form). */
    LocalLauncher start(LocalLauncher launcher, LocalLauncher.Infrastructure infrastructure) {
        return start(launcher, infrastructure, file);
    }

    /**
     * Starts the launcher, whose services write to {@code file}. When a service exits before it is ready, its own last
     * lines (the other services' stopping comes after them in the file) go to the console; on any other failure, the
     * file's last lines.
     */
    static LocalLauncher start(LocalLauncher launcher, LocalLauncher.Infrastructure infrastructure, Path file) {
        return start(launcher, infrastructure, file, System.out);
    }

    static LocalLauncher start(LocalLauncher launcher, LocalLauncher.Infrastructure infrastructure, Path file,
                               PrintStream console) {
        try {
            return launcher.start(infrastructure);
        } catch (RuntimeException e) {
            String prefix = e instanceof ServiceExitedException exited ? "[" + exited.service().shortName() + "]" : "";
            try {
                List<String> lines = Files.readAllLines(file, UTF_8).stream()
                        .filter(line -> line.startsWith(prefix)).toList();
                List<String> tail = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
                console.printf("The system did not start; the last %d lines%s of %s:%n", tail.size(),
                        prefix.isEmpty() ? "" : " prefixed " + prefix, file);
                tail.forEach(console::println);
            } catch (IOException | UncheckedIOException unreadable) {
                e.addSuppressed(unreadable);
            }
            throw e;
        }
    }

    @Override
    public void close() {
        out.close();
    }
}

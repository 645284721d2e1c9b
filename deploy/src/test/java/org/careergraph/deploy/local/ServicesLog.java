package org.careergraph.deploy.local;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The services' output in a file, for a benchmark that keeps the console for its figures. When the system fails to
 * start, the launcher's message says the failing service's output is "above"; its last lines are printed there, so
 * that a build log (CI keeps no target folder) shows why.
 */
final class ServicesLog implements AutoCloseable {

    private static final int TAIL_LINES = 200;

    private final Path file;
    private final PrintStream out;

    private ServicesLog(Path file) throws IOException {
        this.file = file;
        this.out = new PrintStream(Files.newOutputStream(file), true, UTF_8);
    }

    /** {@code services.log} in the folder. */
    static ServicesLog in(Path folder) throws IOException {
        return new ServicesLog(folder.resolve("services.log"));
    }

    Path file() {
        return file;
    }

    PrintStream out() {
        return out;
    }

    /** Starts the launcher (writing to this log); on a failure, the log's last lines go to the console. */
    LocalLauncher start(LocalLauncher launcher, LocalLauncher.Infrastructure infrastructure) {
        try {
            return launcher.start(infrastructure);
        } catch (RuntimeException e) {
            out.flush();
            try {
                List<String> lines = Files.readAllLines(file, UTF_8);
                System.out.printf("The system did not start; the last %d lines of %s:%n", TAIL_LINES, file);
                lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()).forEach(System.out::println);
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

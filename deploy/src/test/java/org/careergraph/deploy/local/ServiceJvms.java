package org.careergraph.deploy.local;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Finds the JVM of a service the launcher in this JVM started (for tests that kill it or look inside it). */
public final class ServiceJvms {

    private ServiceJvms() {
    }

    /** The service's JVM among this JVM's descendants (the launcher's supervisor starts them as our children). */
    public static long pid(Service service) {
        List<Long> found = new ArrayList<>();
        ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).forEach(process -> {
            List<String> command = commandLine(process);
            if (!command.isEmpty() && command.getLast().equals(service.mainClass())) {
                found.add(process.pid());
            }
        });
        if (found.size() != 1) {
            throw new IllegalStateException(found.size() + " JVMs run " + service.mainClass() + ": " + found);
        }
        return found.getFirst();
    }

    /**
     * The process's arguments: from /proc where there is one (never cut short: the JDK's own arguments() cuts a long
     * command line, such as a service's classpath, before its main class), else as the JDK reports them.
     */
    private static List<String> commandLine(ProcessHandle process) {
        Path proc = Path.of("/proc", String.valueOf(process.pid()), "cmdline");
        try {
            if (Files.isReadable(proc)) {
                return Arrays.asList(new String(Files.readAllBytes(proc), UTF_8).split("\0"));
            }
        } catch (IOException e) {
            return List.of(); // gone meanwhile
        }
        ProcessHandle.Info info = process.info();
        List<String> command = new ArrayList<>();
        info.command().ifPresent(command::add);
        info.arguments().ifPresent(arguments -> command.addAll(Arrays.asList(arguments)));
        return command;
    }
}

package org.careergraph.deploy.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * With {@code -Dbench.profile=true}: a JDK Flight Recorder profile of the service JVMs and of this JVM (the gateway,
 * the broker, the load) while a figure is measured, one file each ({@code <figure>-<process>.jfr}), to read with
 * {@code jfr view hot-methods <file>} or JDK Mission Control. Off by default: a profile costs a few per cent.
 */
final class Profiles implements AutoCloseable {

    private static final boolean ENABLED = Boolean.getBoolean("bench.profile");

    private final Path directory;
    private final String figure;
    private final List<Service> services;
    private final Recording here;

    private Profiles(Path directory, String figure, List<Service> services, Recording here) {
        this.directory = directory;
        this.figure = figure;
        this.services = services;
        this.here = here;
    }

    /** Starts the recordings, or nothing when profiling is off. */
    static Profiles start(Path directory, String figure, Service... services) {
        if (!ENABLED) {
            return new Profiles(directory, figure, List.of(), null);
        }
        try {
            Files.createDirectories(directory);
            for (Service service : services) {
                jcmd(service, "JFR.start", "name=" + figure, "settings=profile",
                        "filename=" + file(directory, figure, service.shortName()));
            }
            Recording recording = new Recording(Configuration.getConfiguration("profile"));
            recording.start();
            return new Profiles(directory, figure, List.of(services), recording);
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("Cannot start the profiles of " + figure, e);
        }
    }

    /** Stops the recordings and writes them; prints where. */
    @Override
    public void close() {
        if (here == null) {
            return;
        }
        try {
            for (Service service : services) {
                jcmd(service, "JFR.stop", "name=" + figure);
            }
            here.stop();
            here.dump(file(directory, figure, "test-jvm"));
            here.close();
            System.out.printf("profiles of %s: %s%n", figure, directory.resolve(figure + "-*.jfr"));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the profiles of " + figure, e);
        }
    }

    private static Path file(Path directory, String figure, String process) {
        return directory.resolve(figure + "-" + process + ".jfr");
    }

    private static void jcmd(Service service, String... command) throws IOException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(ServiceJvms.pid(service))));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        try {
            String output = new String(jcmd.getInputStream().readAllBytes());
            if (!jcmd.waitFor(30, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
                throw new IOException("jcmd " + line + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted waiting for jcmd", e);
        }
    }
}

package org.careergraph.deploy.local;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.careergraph.deploy.load.CpuUse;

/**
 * How many cores each process of the local system kept busy while a figure was measured: the services' and the web
 * front's JVMs, this JVM (the broker, the gateway and the load) and the database, beside the whole machine's (shared:
 * the difference is other work). Where a figure misses its goal, this says where its time went.
 */
final class CpuShares {

    private final Map<String, ProcessHandle> processes = new LinkedHashMap<>();
    private final Map<String, Long> cpuAtStart = new LinkedHashMap<>();
    private final CpuUse machine = new CpuUse();
    private final long startedAt;

    private CpuShares() {
        for (Service service : Service.values()) {
            try {
                ProcessHandle.of(ServiceJvms.pid(service)).ifPresent(process -> processes.put(service.shortName(),
                        process));
            } catch (IllegalStateException notOneJvm) {
                // A note's detail: the figure is measured without this service's share (e.g. one restarting).
                System.out.printf("CPU shares without %s: %s%n", service.shortName(), notOneJvm.getMessage());
            }
        }
        processes.put("test JVM (broker, gateway, load)", ProcessHandle.current());
        database().ifPresent(process -> processes.put("database", process));
        processes.forEach((name, process) -> cpuAtStart.put(name, cpuNanos(process)));
        machine.read();
        startedAt = System.nanoTime();
    }

    static CpuShares start() {
        return new CpuShares();
    }

    /** Cores busy since the start, e.g. "web 1.21, catalog 0.35, ... (machine 1.96)". */
    String stop() {
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        CpuUse.Reading whole = machine.read();
        StringJoiner shares = new StringJoiner(", ", "cores busy: ", "");
        processes.forEach((name, process) -> shares.add(String.format("%s %.2f", name,
                (cpuNanos(process) - cpuAtStart.get(name)) / 1e9 / seconds)));
        shares.add(String.format("the whole machine %.2f of %d", whole.machine(),
                Runtime.getRuntime().availableProcessors()));
        return shares.toString();
    }

    /** The embedded MariaDB server, a child of this JVM (none when the tests use an external database). */
    private static Optional<ProcessHandle> database() {
        return ProcessHandle.current().descendants()
                .filter(process -> process.info().command().orElse("").endsWith("mariadbd"))
                .findFirst();
    }

    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}

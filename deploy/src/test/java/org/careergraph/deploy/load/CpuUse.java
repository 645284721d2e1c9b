package org.careergraph.deploy.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How many cores the whole machine kept busy since the last reading, and how many of them the run itself did (this
 * JVM, with the broker and the load, and its descendants: the services and the database). The machines that run this
 * are shared: the difference is other work, and it explains a latency the system did not cause. Linux only (from
 * {@code /proc/stat}); elsewhere the machine's figure is NaN.
 */
public final class CpuUse {

    /** Cores busy over the interval: the whole machine's, and the run's own. */
    public record Reading(double machine, double ours) {
    }

    private long lastBusy = -1;
    private long lastTotal = -1;
    private long lastOursNanos = -1;
    private long lastAt = -1;

    public synchronized Reading read() {
        long at = System.nanoTime();
        long[] stat = procStat();
        long ours = ourCpuNanos();
        double machine = Double.NaN;
        double own = Double.NaN;
        if (lastAt >= 0) {
            int cores = Runtime.getRuntime().availableProcessors();
            if (stat != null && lastTotal >= 0 && stat[1] > lastTotal) {
                machine = cores * (double) (stat[0] - lastBusy) / (stat[1] - lastTotal);
            }
            // A process that exited meanwhile takes its time with it: never below 0.
            own = Math.max(0, ours - lastOursNanos) / (double) (at - lastAt);
        }
        if (stat != null) {
            lastBusy = stat[0];
            lastTotal = stat[1];
        }
        lastOursNanos = ours;
        lastAt = at;
        return new Reading(machine, own);
    }

    /** Busy and total jiffies of all cores (busy: all but idle and iowait), or null. */
    private static long[] procStat() {
        try {
            String[] cells = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cells.length; i++) {
                total += Long.parseLong(cells[i]);
            }
            long idle = Long.parseLong(cells[4]) + (cells.length > 5 ? Long.parseLong(cells[5]) : 0);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long ourCpuNanos() {
        long[] nanos = {cpu(ProcessHandle.current())};
        ProcessHandle.current().descendants().forEach(process -> nanos[0] += cpu(process));
        return nanos[0];
    }

    private static long cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}

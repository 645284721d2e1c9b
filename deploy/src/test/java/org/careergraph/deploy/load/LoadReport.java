package org.careergraph.deploy.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.careergraph.deploy.local.Service;

/**
 * What a sustained-load run saw, its verdict and the Markdown that reports both.
 *
 * <p>The rules, each over the samples taken from the end of the warm-up on (at least three; the warm-up lets the
 * services' first-time work, such as compiling and filling their pools and caches, settle):
 * <ul>
 *   <li><b>No error</b>: every request answered with a status expected for its kind (no 5xx, no transport error or
 *       timeout, no unexpected 4xx) and every request sent on time (none left unsent for want of a free slot); no
 *       service restarted; no new dead letter; no ERROR line in any service's log.</li>
 *   <li><b>Heap after GC not growing</b>, per service: the mean of the last third of the samples is at most
 *       {@value #HEAP_GROWTH_PERCENT} % above the mean of the first third. A full GC leaves only what is reachable,
 *       so a leak shows as a rise from third to third; means of thirds, not two single samples, so that the few MB
 *       a sample catches in flight (requests, consumer batches) do not decide.</li>
 *   <li><b>Consumer lag not growing</b>: the mean total lag of the last third is at most {@value #LAG_ALLOWANCE}
 *       records above that of the first third (a few seconds of the events this load causes: what is in flight at
 *       the moment of a sample), and once the load stops every group's lag reaches 0 within
 *       {@value #DRAIN_SECONDS} s: the consumers kept up and end with nothing left.</li>
 * </ul>
 */
final class LoadReport {

    static final int HEAP_GROWTH_PERCENT = 15;
    static final long LAG_ALLOWANCE = 100;
    static final int DRAIN_SECONDS = 60;

    /** Heap (by service) and consumer lag (by group) at {@code at} since the load started. */
    record Sample(Duration at, Map<Service, HeapAfterGc.Reading> heap, Map<String, Long> lag, CpuUse.Reading cpu,
                  List<String> problems) {

        long totalLag() {
            return ConsumerLag.total(lag);
        }
    }

    LoadSettings settings;
    String machine;
    String started;
    int occupations;
    int scored;
    final List<Sample> samples = new ArrayList<>();
    Traffic.Tally[] intervals;
    Map<Traffic.Kind, Traffic.Tally> kinds;
    Traffic.Tally[][] kindIntervals;
    Map<Traffic.Kind, Map<Integer, Long>> statuses;
    Map<String, String> errors;
    long inFlightMax;
    /** Seconds from the end of the load until every lag was 0; -1: not within DRAIN_SECONDS. */
    double drainedAfter = -1;
    long lagWhenGivenUp;
    Map<String, Long> deadLettersBefore;
    Map<String, Long> deadLettersAfter;
    Map<Service, Long> errorLines;
    Map<Service, Long> warnLines;
    List<String> firstErrorLines = List.of();
    List<String> firstWarnLines = List.of();
    long webhooksReceived;
    String servicesLog;

    // The rules --------------------------------------------------------------------------------------------------------

    /** The samples the rules look at: from the end of the warm-up on. */
    List<Sample> measured() {
        return samples.stream().filter(s -> s.at().compareTo(settings.warmUp()) >= 0).toList();
    }

    long requests() {
        long requests = 0;
        for (Traffic.Tally tally : intervals) {
            requests += tally.requests();
        }
        return requests;
    }

    long requestErrors() {
        long errors = 0;
        for (Traffic.Tally tally : intervals) {
            errors += tally.errors();
        }
        return errors;
    }

    /** A service whose pid changed between samples was restarted by the launcher. */
    List<String> restarts() {
        List<String> restarts = new ArrayList<>();
        for (Service service : Service.values()) {
            long pid = -1;
            for (Sample sample : samples) {
                HeapAfterGc.Reading reading = sample.heap().get(service);
                if (reading != null) {
                    if (pid != -1 && reading.pid() != pid) {
                        restarts.add(service.shortName() + " (pid " + pid + " -> " + reading.pid() + " by "
                                + clock(sample.at()) + ")");
                    }
                    pid = reading.pid();
                }
            }
        }
        return restarts;
    }

    long newDeadLetters() {
        long added = 0;
        for (Map.Entry<String, Long> after : deadLettersAfter.entrySet()) {
            added += Math.max(0, after.getValue() - deadLettersBefore.getOrDefault(after.getKey(), 0L));
        }
        return added;
    }

    long errorLineCount() {
        return errorLines.values().stream().mapToLong(Long::longValue).sum();
    }

    boolean noError() {
        return requestErrors() == 0 && errors.isEmpty() && restarts().isEmpty() && newDeadLetters() == 0 && errorLineCount() == 0;
    }

    /** The mean of the first and the last third of the measured samples' values; NaN where one is missing. */
    private double[] thirds(List<Double> values) {
        int third = Math.max(1, values.size() / 3);
        double first = values.subList(0, third).stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double last = values.subList(values.size() - third, values.size()).stream().mapToDouble(Double::doubleValue)
                .average().orElse(Double.NaN);
        return new double[] {first, last};
    }

    private List<Double> heapMb(Service service) {
        List<Double> values = new ArrayList<>();
        for (Sample sample : measured()) {
            HeapAfterGc.Reading reading = sample.heap().get(service);
            values.add(reading == null ? Double.NaN : reading.bytes() / 1048576.0);
        }
        return values;
    }

    /** First-third and last-third mean heap (MB), for each service. */
    double[] heapThirds(Service service) {
        return thirds(heapMb(service));
    }

    boolean heapSteady(Service service) {
        double[] thirds = heapThirds(service);
        // NaN (a sample missing) fails: what was not measured cannot pass.
        return thirds[1] <= thirds[0] * (1 + HEAP_GROWTH_PERCENT / 100.0);
    }

    boolean heapSteady() {
        for (Service service : Service.values()) {
            if (!heapSteady(service)) {
                return false;
            }
        }
        return true;
    }

    double[] lagThirds() {
        return thirds(measured().stream().map(s -> (double) s.totalLag()).toList());
    }

    boolean lagSteady() {
        double[] thirds = lagThirds();
        return thirds[1] <= thirds[0] + LAG_ALLOWANCE && drainedAfter >= 0;
    }

    boolean passed() {
        return noError() && heapSteady() && lagSteady();
    }

    // The report -------------------------------------------------------------------------------------------------------

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("Sustained load, ").append(started).append(": ").append(human(settings.duration())).append(" at ")
                .append(settings.rate()).append(" requests/s (open loop, at most ").append(settings.concurrency())
                .append(" in flight), warm-up ").append(human(settings.warmUp())).append(", a sample every ")
                .append(human(settings.sample())).append("; ").append(String.format(Locale.ROOT, "%,d", occupations))
                .append(" occupations (").append(String.format(Locale.ROOT, "%,d", scored)).append(" scored), ")
                .append(settings.occupations()).append(" of the check's own edited.\n\n");
        md.append("Machine: ").append(machine).append(".\n\n");

        md.append("| until | requests | errors | p50 ms | p99 ms |");
        for (Service service : Service.values()) {
            md.append(' ').append(service.shortName()).append(" heap MB |");
        }
        md.append(" consumer lag | CPU cores busy: machine / this run |\n|---|---:|---:|---:|---:|");
        md.append("---:|".repeat(Service.values().length)).append("---:|---:|\n");
        for (int i = 0; i < samples.size(); i++) {
            Sample sample = samples.get(i);
            boolean warmUp = sample.at().compareTo(settings.warmUp()) < 0;
            md.append("| ").append(i == 0 ? "start" : clock(sample.at())).append(warmUp && i > 0 ? " (warm-up)" : "")
                    .append(" |");
            if (i == 0 || i - 1 >= intervals.length) {
                md.append(" | | | |");
            } else {
                Traffic.Tally tally = intervals[i - 1];
                md.append(String.format(Locale.ROOT, " %,d | %d | %s | %s |", tally.requests(), tally.errors(),
                        ms(tally.percentileMs(0.5)), ms(tally.percentileMs(0.99))));
            }
            for (Service service : Service.values()) {
                HeapAfterGc.Reading reading = sample.heap().get(service);
                md.append(reading == null ? " ? |" : String.format(Locale.ROOT, " %.1f |", reading.bytes() / 1048576.0));
            }
            md.append(String.format(Locale.ROOT, " %,d | %s |%n", sample.totalLag(), i == 0 ? ""
                    : String.format(Locale.ROOT, "%.1f / %.1f", sample.cpu().machine(), sample.cpu().ours())));
        }
        md.append('\n');

        md.append("| request | sent | answers | p50 ms | p99 ms |\n|---|---:|---|---:|---:|\n");
        for (Traffic.Kind kind : Traffic.Kind.values()) {
            Traffic.Tally tally = kinds.get(kind);
            StringBuilder answers = new StringBuilder();
            statuses.getOrDefault(kind, Map.of()).forEach((status, count) -> answers.append(answers.isEmpty() ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%,d", count)).append(" x ").append(Traffic.statusText(status)));
            md.append(String.format(Locale.ROOT, "| `%s` | %,d | %s | %s | %s |%n", kind.label, tally.requests(),
                    answers, ms(tally.percentileMs(0.5)), ms(tally.percentileMs(0.99))));
        }
        md.append('\n');

        // Each kind's latency through the run: a trend here is a part of the system slowing down.
        md.append("p50 / p99 ms of each request by interval:\n\n| request |");
        for (int i = 0; i < intervals.length; i++) {
            md.append(' ').append(clock(settings.sample().multipliedBy(i + 1).compareTo(settings.duration()) < 0
                    ? settings.sample().multipliedBy(i + 1) : settings.duration())).append(" |");
        }
        md.append("\n|---|").append("---:|".repeat(intervals.length)).append('\n');
        for (Traffic.Kind kind : Traffic.Kind.values()) {
            md.append("| `").append(kind.label).append("` |");
            for (Traffic.Tally tally : kindIntervals[kind.ordinal()]) {
                md.append(' ').append(ms(tally.percentileMs(0.5))).append(" / ").append(ms(tally.percentileMs(0.99)))
                        .append(" |");
            }
            md.append('\n');
        }
        md.append('\n');

        List<Sample> measured = measured();
        md.append("**Verdict: ").append(passed() ? "PASS" : "FAIL").append("**\n\n");
        md.append(String.format(Locale.ROOT, "- No error: %s. %,d requests, %,d errors (5xx, transport, unexpected "
                        + "status or not sent); at most %d in flight; services restarted: %s; new dead letters: %d; "
                        + "ERROR lines in the services' logs: %d (WARN: %d).%n",
                pass(noError()), requests(), requestErrors(), inFlightMax,
                restarts().isEmpty() ? "none" : String.join(", ", restarts()), newDeadLetters(), errorLineCount(),
                warnLines.values().stream().mapToLong(Long::longValue).sum()));
        md.append(String.format(Locale.ROOT, "- Heap after GC not growing (mean of the last third of the %d samples "
                + "from %s on at most %d %% above the first third's): %s.", measured.size(), clock(settings.warmUp()),
                HEAP_GROWTH_PERCENT, pass(heapSteady())));
        for (Service service : Service.values()) {
            double[] thirds = heapThirds(service);
            md.append(String.format(Locale.ROOT, " %s %.1f -> %.1f MB (%+.1f %%)%s", service.shortName(), thirds[0],
                    thirds[1], 100 * (thirds[1] / thirds[0] - 1), service == Service.WEB ? "." : ";"));
        }
        md.append('\n');
        double[] lag = lagThirds();
        md.append(String.format(Locale.ROOT, "- Consumer lag not growing (last third's mean at most %d records above "
                        + "the first third's, and 0 within %d s of the load's end): %s. Mean %.1f -> %.1f records; %s; "
                        + "groups: %s.%n", LAG_ALLOWANCE, DRAIN_SECONDS, pass(lagSteady()), lag[0], lag[1],
                drainedAfter >= 0 ? String.format(Locale.ROOT, "0 in %.0f s after the load", drainedAfter)
                        : "still " + lagWhenGivenUp + " records after " + DRAIN_SECONDS + " s",
                samples.isEmpty() ? "none" : String.join(", ", samples.getLast().lag().keySet())));
        md.append(String.format(Locale.ROOT, "- Webhook alerts received meanwhile: %,d.%n", webhooksReceived));
        if (!errors.isEmpty()) {
            md.append("\nErrors (kind -> status, count, first answer):\n\n");
            errors.forEach((key, first) -> md.append("- ").append(key).append(": ").append(first).append('\n'));
        }
        List<String> problems = new ArrayList<>();
        samples.forEach(s -> problems.addAll(s.problems()));
        if (!problems.isEmpty()) {
            md.append("\nSampling problems:\n\n");
            problems.forEach(p -> md.append("- ").append(p).append('\n'));
        }
        if (!firstErrorLines.isEmpty() || !firstWarnLines.isEmpty()) {
            md.append("\nFrom the services' log (").append(servicesLog).append("):\n\n```\n");
            firstErrorLines.forEach(line -> md.append(line).append('\n'));
            firstWarnLines.forEach(line -> md.append(line).append('\n'));
            md.append("```\n");
        }
        return md.toString();
    }

    private static String pass(boolean passed) {
        return passed ? "pass" : "**FAIL**";
    }

    private static String ms(double value) {
        return Double.isNaN(value) ? "" : value >= 100 ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    static String clock(Duration at) {
        long seconds = Math.round(at.toMillis() / 1000.0);
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    static String human(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds % 60 == 0 && seconds > 0 ? seconds / 60 + " min" : seconds + " s";
    }
}

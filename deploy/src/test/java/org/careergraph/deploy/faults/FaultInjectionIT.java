package org.careergraph.deploy.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.awaitility.core.ConditionTimeoutException;
import org.careergraph.deploy.local.SystemApi;
import org.careergraph.events.Topics;
import org.junit.jupiter.api.Test;

/**
 * Nothing lost when anything fails (docs/reliability.md): the broker and the database in their own processes, each
 * service as two replicas, a workload of users' writes, and SIGKILLs at random moments to every replica, the broker
 * and the database; then the end state is checked until it converges, and a table printed.
 *
 * <p>The short form runs in the test command; the long form ({@code ./mvnw -Pfaults verify}, see the README) kills each
 * replica and the broker five times and the database twice over ten minutes, on the full catalog.
 */
class FaultInjectionIT {

    /**
     * How big a run is; {@code releases}: the official releases as of OEWS May 2023 are imported first (about 2,000
     * occupations), and OEWS May 2024 halfway through the faults.
     */
    record Form(String name, int occupations, Duration workload, Duration operationEvery, int killsPerReplica,
                int brokerKills, int databaseKills, boolean releases, Duration convergeWithin) {

        static final Form SHORT = new Form("short", 4, Duration.ofSeconds(75), Duration.ofMillis(400), 1, 1, 1,
                false, Duration.ofMinutes(4));
        static final Form LONG = new Form("long", 24, Duration.ofMinutes(10), Duration.ofMillis(250), 5, 5, 2,
                true, Duration.ofMinutes(10));

        static Form chosen() {
            return "long".equals(System.getProperty("faults.form")) ? LONG : SHORT;
        }
    }

    private final PrintStream out = System.out;

    @Test
    void nothingIsLostWhenAnythingIsKilled() throws Exception {
        Form form = Form.chosen();
        long seed = Long.getLong("faults.seed", System.nanoTime());
        Path dir = Files.createDirectories(Path.of("target", "faults",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))).toAbsolutePath();
        Path root = Path.of("").toAbsolutePath().getParent();
        out.println("[faults] " + form.name() + " form, seed " + seed + " (-Dfaults.seed to repeat), logs in " + dir);

        try (Cluster cluster = new Cluster(root, dir, 2, out);
             WebhookReceiver receiver = new WebhookReceiver();
             Chaos chaos = new Chaos(cluster, seed, out)) {
            long started = System.nanoTime();
            cluster.start();
            out.println("[faults] cluster ready in " + seconds(started) + " s");
            Api api = new Api(cluster);
            KafkaView kafka = new KafkaView(cluster.broker().bootstrapServers());
            Workload workload = new Workload(api, seed, receiver);
            if (form.releases()) {
                workload.importReleases(SystemApi.releasesUpToOewsMay2023(root));
                out.println("[faults] official releases imported " + seconds(started) + " s after the start");
            }
            workload.setUp(form.occupations());

            Set<String> poison = new HashSet<>();
            ScheduledExecutorService operations = Executors.newSingleThreadScheduledExecutor();
            chaos.start(form.workload(), form.killsPerReplica(), form.brokerKills(), form.databaseKills());
            long workloadStarted = System.nanoTime();
            operations.scheduleWithFixedDelay(workload::step, 0, form.operationEvery().toMillis(),
                    TimeUnit.MILLISECONDS);
            // Halfway, a malformed record on every topic: each consuming group must dead-letter it and move on.
            operations.schedule(() -> {
                for (String topic : Topics.ALL) {
                    try {
                        RecordMetadata at = kafka.poison(topic, "poison");
                        poison.add(topic + "/" + at.partition() + "/" + at.offset());
                    } catch (Exception e) {
                        workload.surprises.add("could not write a poison record on " + topic + ": " + e);
                    }
                }
            }, form.workload().toMillis() / 2, TimeUnit.MILLISECONDS);
            if (form.releases()) {
                // A release moving hundreds of occupations' wages, and so their scores, while things are killed.
                SystemApi.Release may2024 = SystemApi.oewsMay2024(root);
                operations.schedule(() -> workload.importRelease(may2024), form.workload().toMillis() / 3,
                        TimeUnit.MILLISECONDS);
            }
            chaos.awaitDone(form.workload().plusMinutes(5));
            operations.shutdown();
            assertTrue(operations.awaitTermination(2, TimeUnit.MINUTES));
            Duration workloadTook = Duration.ofNanos(System.nanoTime() - workloadStarted);

            long healing = System.nanoTime();
            cluster.heal();
            EndState end = new EndState(cluster, api, kafka, workload, receiver, poison);
            AtomicReference<Map<String, List<String>>> last = new AtomicReference<>();
            try {
                await().atMost(form.convergeWithin()).pollInterval(Duration.ofSeconds(3)).until(() -> {
                    last.set(end.check());
                    return last.get().values().stream().allMatch(List::isEmpty);
                });
            } catch (ConditionTimeoutException e) {
                out.println("[faults] not converged within " + form.convergeWithin());
            }
            Map<String, List<String>> found = last.get();
            Duration toConverge = Duration.ofNanos(System.nanoTime() - healing);

            String table = Report.table(form, seed, workload, chaos, end.alertFigures(), found, workloadTook,
                    toConverge);
            out.println(table);
            Files.writeString(dir.resolve("report.md"), table);

            assertEquals(Topics.ALL.size(), poison.size(), "a malformed record on every topic");
            assertTrue(end.alertFigures().expected() > 0, "alerts were expected: the check is not vacuous");
            assertEquals(List.of(), chaos.failures(), "every kill and restart ran");
            assertEquals(List.of(), workload.surprises, "no acknowledged write refused");
            found.forEach((check, problems) -> assertEquals(List.of(), problems.stream().limit(20).toList(), check));
        }
    }

    private static long seconds(long since) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since);
    }
}

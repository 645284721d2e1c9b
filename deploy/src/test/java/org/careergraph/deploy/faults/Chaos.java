package org.careergraph.deploy.faults;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Kills with SIGKILL at random moments and starts again after a random down time: each service replica, the broker
 * and the database a given number of times, in a shuffled order spread over the workload's duration. Kills and
 * restarts run one at a time on one thread, so a target is always back up before its next kill.
 */
final class Chaos implements AutoCloseable {

    enum Target { REPLICA, BROKER, DATABASE }

    private record Kill(Target target, Replica replica) {
    }

    private final Cluster cluster;
    private final Random random;
    private final PrintStream out;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("chaos").unstarted(r));
    private final Map<Target, Integer> kills = new EnumMap<>(Target.class);
    private final Map<String, Integer> replicaKills = new TreeMap<>();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private CountDownLatch done = new CountDownLatch(0);

    Chaos(Cluster cluster, long seed, PrintStream out) {
        this.cluster = cluster;
        this.random = new Random(seed);
        this.out = out;
        for (Target target : Target.values()) {
            kills.put(target, 0);
        }
    }

    /** Plans the kills over {@code duration} and starts them. */
    void start(Duration duration, int perReplica, int broker, int database) {
        List<Kill> plan = new ArrayList<>();
        for (Replica replica : cluster.all()) {
            for (int i = 0; i < perReplica; i++) {
                plan.add(new Kill(Target.REPLICA, replica));
            }
        }
        for (int i = 0; i < broker; i++) {
            plan.add(new Kill(Target.BROKER, null));
        }
        for (int i = 0; i < database; i++) {
            plan.add(new Kill(Target.DATABASE, null));
        }
        Collections.shuffle(plan, random);
        done = new CountDownLatch(plan.size());
        long slot = duration.toMillis() / Math.max(1, plan.size());
        for (int i = 0; i < plan.size(); i++) {
            Kill kill = plan.get(i);
            long at = i * slot + random.nextLong(Math.max(1, slot / 2));
            // Down for a while: long enough to matter, short enough for the next kill's slot.
            long down = 500 + random.nextLong(Math.max(1, Math.min(3000, slot / 2)));
            thread.schedule(() -> run(kill, down), at, TimeUnit.MILLISECONDS);
        }
    }

    private void run(Kill kill, long downMillis) {
        try {
            switch (kill.target()) {
                case REPLICA -> {
                    if (!kill.replica().alive()) {
                        kill.replica().start(); // still down from an earlier kill: start it, kill it next time
                    }
                    kill.replica().kill();
                    replicaKills.merge(kill.replica().name(), 1, Integer::sum);
                    out.println("[faults] killed " + kill.replica().name() + "; back in " + downMillis + " ms");
                    thread.schedule(() -> restart(kill.replica()), downMillis, TimeUnit.MILLISECONDS);
                }
                case BROKER -> {
                    cluster.broker().kill();
                    out.println("[faults] killed the broker; back in " + downMillis + " ms");
                    thread.schedule(this::restartBroker, downMillis, TimeUnit.MILLISECONDS);
                }
                case DATABASE -> {
                    cluster.database().kill();
                    out.println("[faults] killed the database; back in " + downMillis + " ms");
                    thread.schedule(this::restartDatabase, downMillis, TimeUnit.MILLISECONDS);
                }
            }
            kills.merge(kill.target(), 1, Integer::sum);
        } catch (Exception e) {
            failures.add("killing " + kill + ": " + e);
            done.countDown();
        }
    }

    private void restart(Replica replica) {
        try {
            replica.start();
        } catch (RuntimeException e) {
            failures.add("restarting " + replica.name() + ": " + e);
        } finally {
            done.countDown();
        }
    }

    private void restartBroker() {
        try {
            cluster.broker().start();
        } catch (Exception e) {
            failures.add("restarting the broker: " + e);
        } finally {
            done.countDown();
        }
    }

    private void restartDatabase() {
        try {
            cluster.database().start();
        } catch (RuntimeException e) {
            failures.add("restarting the database: " + e);
        } finally {
            done.countDown();
        }
    }

    /** Waits until every planned kill has run and its target was started again. */
    void awaitDone(Duration atMost) throws InterruptedException {
        if (!done.await(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(done.getCount() + " kills or restarts still to run after " + atMost);
        }
    }

    Map<String, Integer> replicaKills() {
        return replicaKills;
    }

    Map<Target, Integer> kills() {
        return kills;
    }

    List<String> failures() {
        return failures;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}

